import { z } from 'zod';

// Reading the environment only, with nothing looked up on disk: bundled apps (the web) import this.

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses environment variables through a zod object schema, once, into a frozen object.
 * A missing or malformed variable throws a ConfigError whose lines name each variable.
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): Readonly<z.infer<S>> {
  // Empty strings count as unset, as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const missing = issue.code === 'invalid_type' && cleaned[name] === undefined;
        return missing ? `${name} is required` : `${name}: ${issue.message}`;
      }),
    );
  }
  return Object.freeze(result.data);
}

/** Like parseEnv, but prints the problems and exits: for process entry points. */
export function loadConfig<S extends z.ZodObject>(service: string, schema: S): Readonly<z.infer<S>> {
  try {
    return parseEnv(schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  postgresUrl: () => z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// connection URL' }),
  httpUrl: () => z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }),
  nodeEnv: () => z.enum(['development', 'test', 'production']).default('development'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  secret: (minLength = 16) => z.string().min(minLength, `must be at least ${minLength} characters`),
};
