import {
  FeedbackRequest,
  type FeedbackRequestInput,
  GenerateIdeasRequest,
  type GenerateIdeasRequestInput,
} from '@muse/contracts';
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

/**
 * A client's review history as the API sends it: two Instagram posts turned down for sounding
 * cheap and being long, one approved after the agency cut a hashtag, and the patterns counted.
 */
export function makeFeedbackRequest(overrides: Partial<FeedbackRequestInput> = {}): FeedbackRequest {
  const long = (text: string) => `${text} `.repeat(4).trim();
  return FeedbackRequest.parse({
    tenantId: '3f1c1a8e-2a53-4a5c-9a7e-0f6f0b7f3b11',
    brand: {
      ...makeRequest().brand,
      dontList: ['guaranteed'],
      captionMaxChars: { X: 200 },
    },
    ideas: [
      {
        ref: 'I1',
        type: 'POST',
        platform: 'INSTAGRAM',
        title: 'Cheap cups for commuters',
        outcome: 'rejected',
        draft: {
          caption: long('Cheap cups for the morning commute, poured fast at every café.'),
          hashtags: ['#Coffee'],
          callToAction: 'Grab one',
        },
        answered: {
          caption: long('Cheap cups for the morning commute, poured fast at every café.'),
          hashtags: ['#Coffee'],
          callToAction: 'Grab one',
        },
      },
      {
        ref: 'I2',
        type: 'POST',
        platform: 'INSTAGRAM',
        title: 'The cheap oat latte',
        outcome: 'changes_requested',
        draft: {
          caption: long('A cheap oat latte that tastes like a slow morning, oats from local farms.'),
          hashtags: ['#Coffee'],
          callToAction: 'Order ahead',
        },
        answered: {
          caption: long('A cheap oat latte that tastes like a slow morning, oats from local farms.'),
          hashtags: ['#Coffee'],
          callToAction: 'Order ahead',
        },
      },
      {
        ref: 'I3',
        type: 'REEL',
        platform: 'TIKTOK',
        title: 'Pouring the first cup',
        outcome: 'approved',
        draft: {
          caption: 'Six o’clock, first pour.',
          hashtags: ['#Coffee', '#Barista'],
          callToAction: 'Come in',
        },
        answered: { caption: 'Six o’clock, first pour.', hashtags: ['#Barista'], callToAction: 'Come in' },
      },
    ],
    comments: [
      { ref: 'C1', ideaRef: 'I1', with: 'rejection', text: 'Too cheap sounding, and far too long.' },
      { ref: 'C2', ideaRef: 'I2', with: 'change_request', text: 'Cheap is not us. Shorter please.' },
    ],
    signals: [
      {
        kind: 'never_use',
        text: 'cheap',
        platform: null,
        maxCaptionChars: null,
        occurrences: 4,
        ideaRefs: ['I1', 'I2'],
        commentRefs: ['C1', 'C2'],
        summary: 'In 2 ideas the client turned down; “Too cheap sounding, and far too long.”',
      },
    ],
    ...overrides,
  });
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
