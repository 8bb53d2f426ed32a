import { ConfigError } from '@muse/config';
import { describe, expect, it } from 'vitest';
import { parseOfflineModelConfig } from './config.ts';

describe('offline model config', () => {
  it('when nothing is set, then it listens on 127.0.0.1:8900 with no faults and no latency', () => {
    expect(parseOfflineModelConfig({})).toEqual({
      port: 8900,
      host: '127.0.0.1',
      logLevel: 'info',
      initial: { latencyMs: 0, retryAfterMs: 1000, hangMs: 120_000, bannedPhrase: null },
    });
  });

  it('when faults, behaviour and a debug token are set, then they become the initial state', () => {
    const config = parseOfflineModelConfig({
      PORT: '9900',
      OFFLINE_MODEL_LATENCY_MS: '500',
      OFFLINE_MODEL_FAULTS: 'rate_limit=0.1,hang=x2',
      OFFLINE_MODEL_BANNED_PHRASE: 'cheap',
      OFFLINE_MODEL_DEBUG_TOKEN: 'debug-secret',
    });
    expect(config.port).toBe(9900);
    expect(config.debugToken).toBe('debug-secret');
    expect(config.initial).toMatchObject({
      latencyMs: 500,
      bannedPhrase: 'cheap',
      rate_limit: { rate: 0.1 },
      hang: { next: 2 },
    });
  });

  it('when values are malformed, then every problem names its variable', () => {
    let problems: string[] = [];
    try {
      parseOfflineModelConfig({
        PORT: 'abc',
        OFFLINE_MODEL_FAULTS: 'meteor=1',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT: /);
    expect(problems).toContain('OFFLINE_MODEL_FAULTS: Unknown fault "meteor" in "meteor=1"');
    expect(problems.some((p) => p.startsWith('LOG_LEVEL: '))).toBe(true);
  });
});
