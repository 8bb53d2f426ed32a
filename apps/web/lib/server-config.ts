import 'server-only';
import { env, parseEnv } from '@muse/config/env';
import { z } from 'zod';

/**
 * Server-side settings of the web app, read once. None of these reach the browser bundle: the
 * values the browser needs (the API's public URL, Clerk's publishable key) are passed down as
 * props at request time, so one build serves every environment and both auth modes.
 */
const schema = z
  .object({
    AUTH_MODE: z.enum(['local', 'clerk']).default('local'),
    /** How this server reaches the API (may be an internal address). */
    API_URL: z.url().default('http://127.0.0.1:3001'),
    /** How browsers reach the API. */
    PUBLIC_API_URL: z.url().default('http://localhost:3001'),
    /** This app's own origin; local tokens carry it as `azp`. */
    WEB_ORIGIN: z.url().default('http://localhost:3000'),
    /** Where the local auth key pair lives (local mode); defaults to <repo>/.data. */
    MUSE_DATA_DIR: z.string().min(1).optional(),
    /** Signs the session cookie; local mode derives one from the local key pair when unset. */
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    CLERK_PUBLISHABLE_KEY: z.string().startsWith('pk_').optional(),
    CLERK_SECRET_KEY: z.string().startsWith('sk_').optional(),
    NODE_ENV: env.nodeEnv(),
    /** Set by `npm start`; echoed on /healthz and /readyz so it knows its own services. */
    MUSE_INSTANCE_ID: z.string().min(1).optional(),
  })
  .superRefine((vars, ctx) => {
    if (vars.AUTH_MODE !== 'clerk') return;
    for (const name of ['CLERK_PUBLISHABLE_KEY', 'CLERK_SECRET_KEY', 'SESSION_SECRET'] as const) {
      if (!vars[name])
        ctx.addIssue({ code: 'custom', path: [name], message: `${name} is required when AUTH_MODE=clerk` });
    }
  });

/** Parsed once; a missing or malformed variable throws a ConfigError that names each one. */
export const serverConfig = parseEnv(schema);
