import { GenerateIdeasRequest, type GenerateIdeasRequestInput } from '@muse/contracts';
import { createLogger, type Logger } from '@muse/logger';
import { createOfflineModelServer, type OfflineModelServer } from '@muse/offline-model';
import { type AiServiceConfig, parseAiServiceConfig } from '../config.ts';
import { type AppServices, createServices } from '../services.ts';

export const SERVICE_TOKEN = 'test-service-token-0123456789';

export function silentLogger(): Logger {
  return createLogger('ai-service', { level: 'silent' });
}

/** A realistic request: a coffee brand's launch campaign on three platforms. */
export function makeRequest(overrides: Partial<GenerateIdeasRequestInput> = {}): GenerateIdeasRequestInput {
  return {
    requestId: 'req-test-1',
    tenantId: '3f1c1a8e-2a53-4a5c-9a7e-0f6f0b7f3b11',
    campaign: {
      name: 'Slow Mornings',
      objective: 'Grow awareness of the new oat latte with commuters',
      brief:
        'Launch the oat latte in all twelve cafés. Position it as the reason to slow down for five minutes.',
      keyMessages: [
        'Made with oats from farms within 50 miles',
        'Creamy without dairy',
        'Ready in the time it takes to say hello',
      ],
      themes: ['slow mornings', 'local farms', 'the first sip'],
      toneOverride: null,
      startDate: '2026-03-02',
      endDate: '2026-03-29',
    },
    brand: {
      name: 'Northwind Coffee',
      industry: 'Specialty coffee',
      website: 'https://northwind.example',
      brandVoice: 'Warm, plain-spoken and a little wry, like a barista who remembers your order.',
      toneKeywords: ['warm', 'wry', 'unhurried'],
      targetAudience: 'Commuters aged 25–40 who walk past our cafés on the way to work',
      doList: ['Name the farm when we talk about ingredients', 'Write like we talk at the counter'],
      dontList: ['cheap', 'guaranteed', 'best coffee in town'],
      defaultHashtags: ['NorthwindCoffee', '#SlowMornings'],
    },
    counts: { posts: 10, reels: 5 },
    platforms: ['INSTAGRAM', 'TIKTOK', 'LINKEDIN'],
    instructions: 'Lean into the morning commute; no discounts this month.',
    avoidTitles: ['Meet our new barista team'],
    ...overrides,
  };
}

export function parsedRequest(overrides: Partial<GenerateIdeasRequestInput> = {}): GenerateIdeasRequest {
  return GenerateIdeasRequest.parse(makeRequest(overrides));
}

/** Short timeouts and backoffs, so fault tests stay fast; `overrides` are environment variables. */
export function makeConfig(baseURL: string, overrides: Record<string, string> = {}): AiServiceConfig {
  return parseAiServiceConfig({
    AI_SERVICE_TOKEN: SERVICE_TOKEN,
    OPENAI_BASE_URL: baseURL,
    LOG_LEVEL: 'silent',
    LLM_TIMEOUT_MS: '2000',
    LLM_MAX_ATTEMPTS: '3',
    LLM_TOTAL_BUDGET_MS: '8000',
    LLM_RETRY_BASE_MS: '20',
    LLM_RETRY_MAX_MS: '100',
    ...overrides,
  });
}

export function makeServices(baseURL: string, overrides: Record<string, string> = {}): AppServices {
  return createServices(makeConfig(baseURL, overrides), silentLogger());
}

/** The real offline model on a free port, spoken to over HTTP by the real openai SDK. */
export async function startOfflineModel(): Promise<{ model: OfflineModelServer; baseURL: string }> {
  const model = createOfflineModelServer({ logger: createLogger('offline-model', { level: 'silent' }) });
  const { baseURL } = await model.listen(0);
  return { model, baseURL };
}
