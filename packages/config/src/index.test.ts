import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, env, parseEnv } from './index.ts';

const schema = z.object({
  DATABASE_URL: env.postgresUrl(),
  PORT: env.port(3001),
  FEATURE: env.boolean(false),
});

describe('parseEnv', () => {
  it('when every variable is valid, then it returns typed, frozen values with defaults', () => {
    const config = parseEnv(schema, { DATABASE_URL: 'postgresql://localhost/muse', FEATURE: 'yes' });
    expect(config).toEqual({ DATABASE_URL: 'postgresql://localhost/muse', PORT: 3001, FEATURE: true });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when a variable is missing or malformed, then the error names each one', () => {
    try {
      parseEnv(schema, { PORT: 'eighty', DATABASE_URL: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toContain('DATABASE_URL is required');
      expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
    }
  });

  it('when a URL has the wrong scheme, then it is refused', () => {
    expect(() => parseEnv(schema, { DATABASE_URL: 'mysql://localhost/muse' })).toThrow(/DATABASE_URL/);
  });
});
