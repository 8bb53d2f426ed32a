// Starts the whole stack on one machine. With no configuration: an embedded PostgreSQL
// (data under .data/), migrations, the demo seed on a fresh database, the offline model
// unless OPENAI_API_KEY is set, a mail catcher unless SMTP_URL is set, then ai-service, api and
// web. Ctrl-C stops everything.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env, loadConfig, repoRoot } from '@muse/config';
import { createDatabase, setUpDatabase } from '@muse/db';
import { demoAccounts } from '@muse/db/demo-accounts';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '@muse/db/embedded';
import { seed } from '@muse/db/seed';
import { ensureLocalKeyPair } from '@muse/local-auth';
import { z } from 'zod';
import { type MailCatcher, startMailCatcher } from './mail-catcher.ts';
import { takenPortProblem } from './port-check.ts';
import {
  API_NODE_FLAGS,
  killGroup,
  nodeCommand,
  type RunningService,
  type Service,
  startService,
  stopService,
  TELEMETRY_IMPORT,
  waitUntilReady,
} from './services.ts';

const config = loadConfig(
  'muse',
  z.object({
    /** Your own PostgreSQL server, as a role that owns the database (the embedded one otherwise). */
    DATABASE_OWNER_URL: env.postgresUrl().optional(),
    MUSE_PG_PORT: env.port(54329),
    MUSE_SEED: env.boolean(true),
    MUSE_WEB_DEV: env.boolean(false),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: env.httpUrl().optional(),
    OFFLINE_MODEL_PORT: env.port(8900),
    AI_SERVICE_PORT: env.port(8800),
    API_PORT: env.port(3001),
    WORKER_PORT: env.port(3002),
    WEB_PORT: env.port(3000),
    AI_SERVICE_TOKEN: z.string().min(16).optional(),
    LINK_SIGNING_SECRET: z.string().min(32).optional(),
    /** Your own SMTP server; unset, mail is caught and shown on the dev mailbox page. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MUSE_SMTP_PORT: env.port(1025),
    MUSE_MAILBOX_PORT: env.port(8025),
  }),
);

const data = dataDir();
const logDir = path.join(data, 'logs');
const started = Date.now();
/** Every service echoes it on its readiness check, so an answer from another Muse is not taken for ours. */
const instanceId = randomBytes(12).toString('base64url');
const say = (line: string) => console.log(`muse: ${line}`);
const running: RunningService[] = [];
let stopDatabase: (() => Promise<void>) | undefined;
let mailCatcher: MailCatcher | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping…');
    for (const service of [...running].reverse()) await stopService(service);
    await mailCatcher?.close();
    await stopDatabase?.();
    say('stopped');
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// Whoever started us may be gone (a closed terminal or pipe): keep shutting down regardless.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
// Last resort on any exit path: no service may outlive the launcher.
process.on('exit', () => {
  for (const service of running) killGroup(service, 'SIGKILL');
});

function fail(message: string): Promise<never> {
  console.error(`muse: ${message}`);
  return shutdown(1);
}

/** A secret made on the first start and kept under .data/, readable by its owner only. */
function keptSecret(name: string): string {
  const file = path.join(data, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(data, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The service token the API presents to the ai-service: from the environment, or a kept one. */
function serviceToken(): string {
  return config.AI_SERVICE_TOKEN ?? keptSecret('service-token');
}

/** What the API and the worker sign the links of their mail with: from the environment, or a kept one. */
function linkSigningSecret(): string {
  return config.LINK_SIGNING_SECRET ?? keptSecret('link-signing-secret');
}

/** The owner's connection to the database: the given server's, or the embedded one's. */
async function database(): Promise<string> {
  if (config.DATABASE_OWNER_URL) {
    say('using the PostgreSQL server of DATABASE_OWNER_URL');
    return config.DATABASE_OWNER_URL;
  }
  try {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(data, 'postgres'),
      port: config.MUSE_PG_PORT,
      database: 'muse',
    });
    stopDatabase = embedded.stop;
    say(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir})`);
    return embedded.url;
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) return fail(`PostgreSQL could not start: ${error.message}`);
    throw error;
  }
}

/** Migrates and seeds as the owner; returns the services' own login (DATABASE_URL). */
async function prepareDatabase(ownerUrl: string): Promise<string> {
  const result = await setUpDatabase(ownerUrl, { password: keptSecret('database-password') });
  say(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied`);
  if (config.MUSE_SEED) await seedFreshDatabase(ownerUrl);
  return result.appUrl;
}

async function seedFreshDatabase(ownerUrl: string): Promise<void> {
  const db = createDatabase({ url: ownerUrl, poolSize: 2 });
  try {
    // Demo data goes into a fresh database only, never into one that holds real tenants.
    const tenants = await db.withPlatformTx((tx) => tx.tenant.count());
    if (tenants === 0) {
      const seeded = await seed(db);
      say(`seeded demo data: ${seeded.tenantsCreated.join(', ')}`);
    }
  } finally {
    await db.disconnect();
  }
}

function buildWeb(): void {
  if (config.MUSE_WEB_DEV) return;
  say('building the web app (cached after the first time)…');
  const result = spawnSync(
    'pnpm',
    // --only: the build alone, not the typecheck turbo.json puts before it (for CI, where both run).
    ['exec', 'turbo', 'run', 'build', '--filter=@muse/web', '--only', '--output-logs=errors-only'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (result.status !== 0) throw new Error(`the web app did not build:\n${result.stdout}${result.stderr}`);
}

/** Where the api and the worker send email: the configured server, or the catcher's. */
async function smtpUrl(): Promise<string> {
  if (config.SMTP_URL) return config.SMTP_URL;
  mailCatcher = await startMailCatcher({
    smtpPort: config.MUSE_SMTP_PORT,
    mailboxPort: config.MUSE_MAILBOX_PORT,
  });
  say(`mail is caught, not delivered: ${mailCatcher.mailboxUrl}`);
  return mailCatcher.smtpUrl;
}

function services(databaseUrl: string, smtp: string): Service[] {
  const token = serviceToken();
  const signingSecret = linkSigningSecret();
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const webOrigin = `http://localhost:${config.WEB_PORT}`;
  const offline = !config.OPENAI_API_KEY;
  const list: Service[] = [];
  if (offline) {
    list.push({
      name: 'offline-model',
      cwd: 'packages/offline-model',
      command: nodeCommand('src/main.ts'),
      env: { PORT: String(config.OFFLINE_MODEL_PORT) },
      readyUrl: `${local(config.OFFLINE_MODEL_PORT)}/healthz`,
    });
  }
  list.push(
    {
      name: 'ai-service',
      cwd: 'apps/ai-service',
      command: nodeCommand('src/main.ts', [], [TELEMETRY_IMPORT]),
      env: {
        OTEL_SERVICE_NAME: 'muse-ai-service',
        PORT: String(config.AI_SERVICE_PORT),
        AI_SERVICE_TOKEN: token,
        ...(offline ? { OPENAI_BASE_URL: `${local(config.OFFLINE_MODEL_PORT)}/v1` } : {}),
      },
      readyUrl: `${local(config.AI_SERVICE_PORT)}/readyz`,
    },
    {
      name: 'api',
      cwd: 'apps/api',
      command: nodeCommand('src/main.ts', API_NODE_FLAGS, [TELEMETRY_IMPORT]),
      env: {
        OTEL_SERVICE_NAME: 'muse-api',
        PORT: String(config.API_PORT),
        DATABASE_URL: databaseUrl,
        WEB_ORIGIN: webOrigin,
        AI_SERVICE_URL: local(config.AI_SERVICE_PORT),
        AI_SERVICE_TOKEN: token,
        SMTP_URL: smtp,
        LINK_SIGNING_SECRET: signingSecret,
      },
      readyUrl: `${local(config.API_PORT)}/readyz`,
    },
    {
      name: 'worker',
      cwd: 'apps/api',
      command: nodeCommand('src/worker.ts', API_NODE_FLAGS, [TELEMETRY_IMPORT]),
      env: {
        OTEL_SERVICE_NAME: 'muse-worker',
        DATABASE_URL: databaseUrl,
        WEB_ORIGIN: webOrigin,
        AI_SERVICE_URL: local(config.AI_SERVICE_PORT),
        AI_SERVICE_TOKEN: token,
        WORKER_PORT: String(config.WORKER_PORT),
        SMTP_URL: smtp,
        LINK_SIGNING_SECRET: signingSecret,
      },
      readyUrl: `${local(config.WORKER_PORT)}/readyz`,
    },
    {
      name: 'web',
      cwd: 'apps/web',
      command: [
        process.execPath,
        path.join(repoRoot, 'apps/web/node_modules/next/dist/bin/next'),
        config.MUSE_WEB_DEV ? 'dev' : 'start',
        '-p',
        String(config.WEB_PORT),
      ],
      env: {
        OTEL_SERVICE_NAME: 'muse-web',
        API_URL: local(config.API_PORT),
        PUBLIC_API_URL: `http://localhost:${config.API_PORT}`,
        WEB_ORIGIN: webOrigin,
      },
      readyUrl: `${local(config.WEB_PORT)}/readyz`,
    },
  );
  return list;
}

/** Every port this start will listen on, by the variable that sets it. */
function portsToListenOn(): Record<string, number> {
  return {
    ...(config.DATABASE_OWNER_URL ? {} : { MUSE_PG_PORT: config.MUSE_PG_PORT }),
    ...(config.OPENAI_API_KEY ? {} : { OFFLINE_MODEL_PORT: config.OFFLINE_MODEL_PORT }),
    ...(config.SMTP_URL
      ? {}
      : { MUSE_SMTP_PORT: config.MUSE_SMTP_PORT, MUSE_MAILBOX_PORT: config.MUSE_MAILBOX_PORT }),
    AI_SERVICE_PORT: config.AI_SERVICE_PORT,
    API_PORT: config.API_PORT,
    WORKER_PORT: config.WORKER_PORT,
    WEB_PORT: config.WEB_PORT,
  };
}

async function main(): Promise<void> {
  const portProblem = await takenPortProblem(portsToListenOn());
  if (portProblem) return fail(portProblem);
  const databaseUrl = await prepareDatabase(await database());
  ensureLocalKeyPair(data);
  buildWeb();
  const smtp = await smtpUrl();
  for (const service of services(databaseUrl, smtp)) {
    const handle = startService(repoRoot, logDir, {
      ...service,
      env: { ...service.env, MUSE_INSTANCE_ID: instanceId },
    });
    running.push(handle);
    const timeoutMs = service.name === 'web' && config.MUSE_WEB_DEV ? 120_000 : 60_000;
    await waitUntilReady(handle, timeoutMs, instanceId);
    say(`${service.name} ready`);
  }
  for (const handle of running) {
    void handle.exited.then((code) => {
      if (!stopping)
        void fail(`${handle.service.name} stopped unexpectedly (code ${code}); see ${handle.logFile}`);
    });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const accounts = demoAccounts()
    .map(
      (account) =>
        `    ${account.email.padEnd(27)} ${account.role.toLowerCase().replace('_', ' ').padEnd(15)} ${account.workspace}`,
    )
    .join('\n');
  console.log(`
  Muse is running (ready in ${seconds} s)

    Web        http://localhost:${config.WEB_PORT}
    API        http://localhost:${config.API_PORT}/api   (docs: /api/docs)
    AI service http://localhost:${config.AI_SERVICE_PORT}${config.OPENAI_API_KEY ? '' : `   (offline model on :${config.OFFLINE_MODEL_PORT})`}
    Mailbox    ${mailCatcher ? `${mailCatcher.mailboxUrl}   (mail is caught here, not delivered)` : `sent through ${new URL(smtp).host}`}
    Logs       ${logDir}

  Demo sign-ins (local auth; pick one on the sign-in page):
${accounts}

  A token for curl: pnpm -s auth:token --email owner@northwind.test
  Press Ctrl-C to stop.
`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
