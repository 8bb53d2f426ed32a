import { ensureLocalKeyPair, localSubject, mintLocalToken } from '@muse/local-auth';

/** The web origin an API under benchmark accepts tokens for. */
const WEB_ORIGIN = 'http://localhost:3000';
const UNLIMITED = '100000000';

/**
 * What an API process under benchmark runs with: production mode with local sign-in (keys under
 * `workDir`) and rate limits far above any load a benchmark drives.
 */
export function benchApiEnv(options: {
  port: number;
  databaseUrl: string;
  workDir: string;
  logLevel: string;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: options.logLevel,
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    MUSE_DATA_DIR: options.workDir,
    AUTH_MODE: 'local',
    LOCAL_AUTH_ALLOW_IN_PRODUCTION: 'true',
    LINK_SIGNING_SECRET: 'bench-link-signing-secret-0123456789abcdef',
    WEB_ORIGIN,
    RATE_LIMIT_PER_MINUTE: UNLIMITED,
    RATE_LIMIT_PER_TENANT_PER_MINUTE: UNLIMITED,
    RATE_LIMIT_PER_IP_PER_MINUTE: UNLIMITED,
  };
}

/** A Bearer token of a user of that API, as its local sign-in would mint it, valid for an hour. */
export function benchToken(workDir: string, email: string): Promise<string> {
  return mintLocalToken(ensureLocalKeyPair(workDir).privateKeyPem, {
    subject: localSubject(email),
    email,
    authorizedParty: WEB_ORIGIN,
    ttlSeconds: 3600,
  });
}
