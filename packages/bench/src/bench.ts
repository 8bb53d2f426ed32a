// pnpm bench [--tenants 1000] [--ideas 1000000] [--duration 15] [--connections 50] [--skip-generation]
// Loads a large data set, then drives the API and a minimal baseline server that runs the same
// SQL, alternating, and reports throughput, latency, tenant scaling, generation overhead and RSS.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@muse/config';
import { freePort } from '@muse/config/ports';
import { query as sql } from '@muse/db/scratch';
import { setUpTestDatabase } from '@muse/db/test-database';
import {
  API_NODE_FLAGS,
  nodeCommand,
  type RunningService,
  startService,
  stopService,
  waitUntilReady,
} from '@muse/launcher/services';
import { benchApiEnv, benchToken } from './bench-api.ts';
import { benchDatabase } from './bench-database.ts';
import { type BaselineScript, captureStatements } from './capture.ts';
import { benchTenant, type DatasetShape, loadTenants } from './dataset.ts';
import { measureGeneration } from './generation.ts';
import { drive, type LoadResult } from './load.ts';
import { peakRssMb } from './process-stats.ts';
import { writeRequests } from './write-requests.ts';

const { values: args } = parseArgs({
  options: {
    tenants: { type: 'string', default: '1000' },
    ideas: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    'skip-generation': { type: 'boolean', default: false },
  },
});
const tenants = Number(args.tenants);
const totalIdeas = Number(args.ideas);
const durationSeconds = Number(args.duration);
const connections = Number(args.connections);
const smallTenants = Math.min(10, tenants);
if (![tenants, totalIdeas, durationSeconds, connections].every((n) => Number.isInteger(n) && n > 0)) {
  console.error(
    'usage: pnpm bench [--tenants N] [--ideas N] [--duration seconds] [--connections N] [--skip-generation]',
  );
  process.exit(2);
}

// The same pool size for the API and the baseline.
const POOL_SIZE = 10;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-bench-'));
const logDir = path.join(workDir, 'logs');
const services: RunningService[] = [];
const say = (line: string) => console.log(`bench: ${line}`);
let stopDatabase: (() => Promise<void>) | undefined;

async function database(): Promise<string> {
  const started = await benchDatabase(workDir, 'muse_bench');
  stopDatabase = started.stop;
  return started.url;
}

async function cleanUp(): Promise<void> {
  for (const service of services.reverse()) await stopService(service);
  await stopDatabase?.();
  fs.rmSync(workDir, { recursive: true, force: true });
}

async function main() {
  const url = await database();
  // The services log in as they do in production; the data set is loaded as the owner.
  const appUrl = await setUpTestDatabase(url);
  const shape: DatasetShape = {
    tenants: smallTenants,
    ideasPerTenant: Math.max(1, Math.round(totalIdeas / tenants)),
    clientsPerTenant: 3,
    campaignsPerClient: 4,
  };
  const smallLoadMs = await loadTenants(url, shape);
  say(
    `loaded ${smallTenants} tenants × ${shape.ideasPerTenant} ideas in ${(smallLoadMs / 1000).toFixed(1)} s`,
  );

  const [apiPort, baselinePort, aiPort, modelPort, workerPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const serviceToken = randomBytes(24).toString('base64url');
  const modelDebugToken = randomBytes(24).toString('base64url');
  const offlineModelUrl = `http://127.0.0.1:${modelPort}`;
  const aiEnv = { AI_SERVICE_URL: `http://127.0.0.1:${aiPort}`, AI_SERVICE_TOKEN: serviceToken };
  const withGeneration = !args['skip-generation'];
  if (withGeneration) {
    // The model answers every call after a fixed 500 ms, so Muse's own overhead shows.
    const model = startService(repoRoot, logDir, {
      name: 'offline-model',
      cwd: 'packages/offline-model',
      command: nodeCommand('src/main.ts'),
      env: {
        PORT: String(modelPort),
        OFFLINE_MODEL_LATENCY_MS: '500',
        OFFLINE_MODEL_DEBUG_TOKEN: modelDebugToken,
        LOG_LEVEL: 'warn',
      },
      readyUrl: `${offlineModelUrl}/healthz`,
    });
    services.push(model);
    await waitUntilReady(model, 60_000);
    const ai = startService(repoRoot, logDir, {
      name: 'ai-service',
      cwd: 'apps/ai-service',
      command: nodeCommand('src/main.ts'),
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(aiPort),
        AI_SERVICE_TOKEN: serviceToken,
        OPENAI_BASE_URL: `${offlineModelUrl}/v1`,
      },
      readyUrl: `http://127.0.0.1:${aiPort}/readyz`,
    });
    services.push(ai);
    await waitUntilReady(ai, 60_000);
  }
  const startApi = (logLevel: string) =>
    startService(repoRoot, logDir, {
      name: `api-${logLevel}`,
      cwd: 'apps/api',
      command: nodeCommand('src/main.ts', API_NODE_FLAGS),
      env: {
        ...benchApiEnv({ port: apiPort, databaseUrl: appUrl, workDir, logLevel }),
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        GENERATION_RATE_LIMIT_PER_MINUTE: '100000',
        ...aiEnv,
      },
      readyUrl: `http://127.0.0.1:${apiPort}/readyz`,
    });
  if (withGeneration) {
    services.push(
      startService(repoRoot, logDir, {
        name: 'worker',
        cwd: 'apps/api',
        command: nodeCommand('src/worker.ts', API_NODE_FLAGS),
        env: {
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          LOCAL_AUTH_ALLOW_IN_PRODUCTION: 'true',
          DATABASE_URL: appUrl,
          WORKER_PORT: String(workerPort),
          ...aiEnv,
        },
        readyUrl: `http://127.0.0.1:${workerPort}/readyz`,
      }),
    );
  }

  const first = await benchTenant(url, 1);
  const token = await benchToken(workDir, first.adminEmail);
  const apiHeaders = { authorization: `Bearer ${token}` };
  const baselineHeaders = {};
  const campaignId = first.campaignIds[0] as string;
  const ideasPath = `/api/campaigns/${campaignId}/ideas?limit=50`;
  const campaignsPath = '/api/campaigns?limit=20';
  // The approvals page's default view covers 30 days; this one all twelve weeks of the history.
  const approvalsPath = `/api/analytics/approvals?from=${daysAgo(90)}&to=${daysAgo(0)}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;

  // First a debug-level API, to record the statements each benchmarked request runs.
  const capturing = startApi('debug');
  await waitUntilReady(capturing, 60_000);
  const script = await captureScript(
    capturing.logFile,
    apiUrl,
    apiHeaders,
    [ideasPath, campaignsPath, approvalsPath],
    url,
    first.id,
  );
  await stopService(capturing);
  const scriptFile = path.join(workDir, 'baseline-script.json');
  fs.writeFileSync(scriptFile, JSON.stringify(script));
  for (const [pathName, statements] of Object.entries(script.reads))
    say(`${pathName}: the API runs ${statements.length} data statements`);
  say(`status write: the API runs ${script.write.statements.length} data statements`);

  const api = startApi('warn');
  services.push(api);
  const baseline = startService(repoRoot, logDir, {
    name: 'baseline',
    cwd: 'packages/bench',
    command: nodeCommand('src/baseline-server.ts'),
    env: {
      NODE_ENV: 'production',
      PORT: String(baselinePort),
      DATABASE_URL: url,
      POOL_SIZE: String(POOL_SIZE),
      BASELINE_SCRIPT: scriptFile,
    },
    readyUrl: `${baselineUrl}/healthz`,
  });
  services.push(baseline);
  for (const service of services) await waitUntilReady(service, 60_000);

  const run = (label: string, base: string, pathName: string, headers: Record<string, string>) =>
    drive({ label, url: `${base}${pathName}`, connections, durationSeconds, headers });

  // Warm both up, then measure the small database's ideas-list latency for the scaling ratio.
  await run('warm-up', apiUrl, ideasPath, apiHeaders);
  await run('warm-up', baselineUrl, ideasPath, baselineHeaders);
  const ideasAtSmall = await run(`ideas-list api (${smallTenants} tenants)`, apiUrl, ideasPath, apiHeaders);

  let largeLoadMs = 0;
  if (tenants > smallTenants) {
    largeLoadMs = await loadTenants(url, { ...shape, tenants: tenants - smallTenants }, smallTenants + 1);
    say(`loaded ${tenants - smallTenants} more tenants in ${(largeLoadMs / 1000).toFixed(1)} s`);
  }
  const ideas = await countIdeas(url);
  say(
    `data set: ${tenants} tenants, ${ideas} ideas, loaded in ${((smallLoadMs + largeLoadMs) / 1000).toFixed(1)} s`,
  );

  const results: LoadResult[] = [];
  // Alternate API and baseline so neither gets the warmer machine.
  for (const [name, pathName] of [
    ['ideas-list', ideasPath],
    ['campaigns-list', campaignsPath],
    ['approvals', approvalsPath],
  ] as const) {
    results.push(await run(`${name} api`, apiUrl, pathName, apiHeaders));
    results.push(await run(`${name} baseline`, baselineUrl, pathName, baselineHeaders));
  }
  results.push(
    await drive({
      label: 'status-write api',
      url: apiUrl,
      connections,
      durationSeconds,
      headers: { ...apiHeaders, 'content-type': 'application/json' },
      requests: writeRequests(await writableIdeas(url, first.id, connections)),
    }),
  );
  results.push(
    await drive({
      label: 'status-write baseline',
      url: baselineUrl,
      connections,
      durationSeconds,
      headers: { ...baselineHeaders, 'content-type': 'application/json' },
      requests: writeRequests(await writableIdeas(url, first.id, connections)),
    }),
  );
  const ideasAtLarge = results.find((r) => r.label === 'ideas-list api') as LoadResult;
  const approvals = results.find((r) => r.label === 'approvals api') as LoadResult;
  const approvalsBaseline = results.find((r) => r.label === 'approvals baseline') as LoadResult;
  const rssMb = peakRssMb(api.child.pid as number);

  const generation = withGeneration
    ? await measureGeneration({
        apiUrl,
        offlineModelUrl,
        modelDebugToken,
        token,
        campaignIds: first.campaignIds.slice(1, 6),
      })
    : null;

  printTable([ideasAtSmall, ...results]);
  const ideasBaseline = results.find((r) => r.label === 'ideas-list baseline') as LoadResult;
  const figures = {
    dataset: { tenants, ideas, loadSeconds: (smallLoadMs + largeLoadMs) / 1000 },
    connections,
    durationSeconds,
    results: [ideasAtSmall, ...results],
    apiPeakRssMb: rssMb,
    ideasListRatio: ideasAtLarge.requestsPerSecond / ideasBaseline.requestsPerSecond,
    tenantScalingP50Ratio: ideasAtLarge.p50Ms / Math.max(ideasAtSmall.p50Ms, 0.001),
    generation,
  };
  const jsonPath = path.join(
    repoRoot,
    '.data',
    'bench',
    `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  fs.mkdirSync(path.dirname(jsonPath), { recursive: true });
  fs.writeFileSync(jsonPath, `${JSON.stringify(figures, null, 2)}\n`);
  say(`api peak RSS ${rssMb?.toFixed(0) ?? '?'} MB; figures written to ${jsonPath}`);
  console.log(
    `bench: ideas-list api ${ideasAtLarge.requestsPerSecond.toFixed(0)} rps p50 ${ideasAtLarge.p50Ms} ms p99 ${ideasAtLarge.p99Ms} ms baseline ${ideasBaseline.requestsPerSecond.toFixed(0)} rps ratio ${figures.ideasListRatio.toFixed(2)}`,
  );
  console.log(
    `bench: approvals api p50 ${approvals.p50Ms} ms p99 ${approvals.p99Ms} ms (${approvals.requestsPerSecond.toFixed(0)} rps) baseline p50 ${approvalsBaseline.p50Ms} ms`,
  );
  console.log(`bench: tenant-scaling p50 ratio ${figures.tenantScalingP50Ratio.toFixed(2)}`);
  console.log(
    generation
      ? `bench: generation end-to-end ${generation.endToEndMs.toFixed(0)} ms model ${generation.modelMs.toFixed(0)} ms overhead ${(generation.endToEndMs - generation.modelMs).toFixed(0)} ms`
      : 'bench: generation skipped (--skip-generation)',
  );
}

/** The statements the API runs for each benchmarked request, for the baseline to replay. */
async function captureScript(
  logFile: string,
  apiUrl: string,
  headers: Record<string, string>,
  paths: string[],
  url: string,
  tenantId: string,
): Promise<BaselineScript> {
  const reads: BaselineScript['reads'] = {};
  for (const pathName of paths) {
    // A first request warms the API's sign-in cache, so the captured one holds only the request's own work.
    await (await fetch(`${apiUrl}${pathName}`, { headers })).arrayBuffer();
    reads[pathName] = await captureStatements(logFile, { url: `${apiUrl}${pathName}`, headers });
  }
  const [idea] = await writableIdeas(url, tenantId, 1);
  if (!idea) throw new Error('no idea to write to');
  // A version no other parameter can equal (an increment of 1 is one), so the replay can swap it.
  const sample = { ideaId: idea.id, version: 7919, from: 'GENERATED', to: 'AGENCY_REJECTED' };
  await sql(url, 'update ideas set version = $1 where id = $2', [sample.version, idea.id]);
  const statements = await captureStatements(logFile, {
    url: `${apiUrl}/api/ideas/${idea.id}`,
    method: 'PATCH',
    headers,
    body: { status: sample.to, version: sample.version },
  });
  return { reads, write: { statements, sample } };
}

/** A UTC calendar day `days` before today. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function countIdeas(url: string): Promise<number> {
  const [row] = await sql<{ n: string }>(url, 'select count(*) as n from ideas');
  return Number(row?.n ?? 0);
}

/**
 * One idea per connection, so concurrent writers never race on the same row, each put back to
 * GENERATED (a run may stop half-way through its two moves) with its current version.
 */
async function writableIdeas(
  url: string,
  tenantId: string,
  count: number,
): Promise<{ id: string; version: number }[]> {
  return sql(
    url,
    `update ideas set status = 'GENERATED'
     where id in (select id from ideas where tenant_id = $1 and status in ('GENERATED', 'AGENCY_REJECTED') order by id limit $2)
     returning id, version`,
    [tenantId, count],
  );
}

function printTable(results: LoadResult[]): void {
  console.log('\n  run                              req/s     p50 ms   p99 ms   errors   non-2xx');
  for (const r of results) {
    console.log(
      `  ${r.label.padEnd(32)} ${r.requestsPerSecond.toFixed(0).padStart(6)} ${String(r.p50Ms).padStart(9)} ${String(r.p99Ms).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.non2xx).padStart(9)}`,
    );
  }
  console.log('');
}

main()
  .then(cleanUp)
  .catch(async (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)} (logs: ${logDir})`);
    for (const service of services) await stopService(service);
    await stopDatabase?.();
    process.exit(1);
  });
