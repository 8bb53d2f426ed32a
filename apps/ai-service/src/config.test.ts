import { ConfigError } from '@muse/config';
import { describe, expect, it } from 'vitest';
import { parseAiServiceConfig } from './config.ts';

const TOKEN = 'a-service-token-of-32-characters';

function problemsOf(vars: Record<string, string>): string[] {
  try {
    parseAiServiceConfig(vars);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('ai-service config', () => {
  it('when only the offline model URL is given, then it runs keyless in offline mode with the documented defaults', () => {
    const config = parseAiServiceConfig({
      AI_SERVICE_TOKEN: TOKEN,
      OPENAI_BASE_URL: 'http://127.0.0.1:8900/v1',
    });
    expect(config.port).toBe(8800);
    expect(config.llm).toMatchObject({
      apiKey: null,
      offline: true,
      model: 'gpt-4o-mini',
      timeoutMs: 20_000,
      maxAttempts: 3,
      totalBudgetMs: 45_000,
      concurrency: 4,
      batchSize: 5,
    });
    expect(config.promptVersions).toEqual({ system: 'v1', post: 'v2', reel: 'v2', feedback: 'v1' });
  });

  it('when an OpenAI key is set, then the service is not offline', () => {
    const config = parseAiServiceConfig({ AI_SERVICE_TOKEN: TOKEN, OPENAI_API_KEY: 'sk-test' });
    expect(config.llm).toMatchObject({ apiKey: 'sk-test', baseUrl: null, offline: false });
  });

  it('when the service token is missing or short, then the problem names AI_SERVICE_TOKEN', () => {
    expect(problemsOf({ OPENAI_API_KEY: 'sk-test' })).toEqual(['AI_SERVICE_TOKEN is required']);
    expect(problemsOf({ OPENAI_API_KEY: 'sk-test', AI_SERVICE_TOKEN: 'short' })).toEqual([
      'AI_SERVICE_TOKEN: must be at least 16 characters',
    ]);
  });

  it('when neither an OpenAI key nor a base URL is set, then the problem names OPENAI_API_KEY', () => {
    expect(problemsOf({ AI_SERVICE_TOKEN: TOKEN })).toEqual([
      'OPENAI_API_KEY: is required, unless OPENAI_BASE_URL points at the offline model',
    ]);
  });

  it('when PROMPT_VERSIONS names some templates, then the others keep v1; a malformed entry is refused', () => {
    const config = parseAiServiceConfig({
      AI_SERVICE_TOKEN: TOKEN,
      OPENAI_API_KEY: 'k',
      PROMPT_VERSIONS: 'post=v2',
    });
    expect(config.promptVersions).toEqual({ system: 'v1', post: 'v2', reel: 'v1', feedback: 'v1' });
    expect(
      problemsOf({ AI_SERVICE_TOKEN: TOKEN, OPENAI_API_KEY: 'k', PROMPT_VERSIONS: 'story=v1' })[0],
    ).toMatch(/^PROMPT_VERSIONS: "story=v1" is not name=vN/);
  });

  it('when a number is malformed, then the problem names the variable', () => {
    expect(problemsOf({ AI_SERVICE_TOKEN: TOKEN, OPENAI_API_KEY: 'k', LLM_BATCH_SIZE: '8' })[0]).toMatch(
      /^LLM_BATCH_SIZE:/,
    );
  });
});
