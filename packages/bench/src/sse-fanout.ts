// pnpm --filter @muse/bench bench:sse [--connections 1000] [--events 10]
// One API process with N idle live streams of one agency: its RSS before and after they open, and
// how long one change takes to reach all of them (its first and its last receipt).
import fs from 'node:fs';
import http from 'node:http';
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
import { benchTenant, loadTenants } from './dataset.ts';
import { rssMb } from './process-stats.ts';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '1000' },
    events: { type: 'string', default: '10' },
  },
});
const connections = Number(args.connections);
const events = Number(args.events);
if (![connections, events].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: bench:sse [--connections N] [--events N]');
  process.exit(2);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-bench-sse-'));
const say = (line: string) => console.log(`bench:sse: ${line}`);
let api: RunningService | undefined;
let stopDatabase: (() => Promise<void>) | undefined;

async function database(): Promise<string> {
  const started = await benchDatabase(workDir, 'muse_bench_sse');
  stopDatabase = started.stop;
  return started.url;
}

/** One idle stream: resolves once it is open; `onChange` sees the version of each idea.changed frame. */
function openStream(url: string, onChange: (version: number) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          if (block.includes(': open')) resolve(request);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) {
            const frame = JSON.parse(data) as { type: string; data: { version?: number } };
            if (frame.type === 'idea.changed' && frame.data.version) onChange(frame.data.version);
          }
          boundary = buffer.indexOf('\n\n');
        }
      });
    });
    request.on('error', reject);
  });
}

async function main() {
  const url = await database();
  const appUrl = await setUpTestDatabase(url);
  await loadTenants(url, { tenants: 1, ideasPerTenant: 20, clientsPerTenant: 1, campaignsPerClient: 1 });
  const tenant = await benchTenant(url, 1);
  const [idea] = await sql<{ id: string }>(
    url,
    `select id from ideas where tenant_id = $1 and status = 'GENERATED' order by created_at limit 1`,
    [tenant.id],
  );
  if (!idea) throw new Error('the data set has no draft idea to change');

  const port = await freePort();
  api = startService(repoRoot, path.join(workDir, 'logs'), {
    name: 'api',
    cwd: 'apps/api',
    command: nodeCommand('src/main.ts', API_NODE_FLAGS),
    env: benchApiEnv({ port, databaseUrl: appUrl, workDir, logLevel: 'warn' }),
    readyUrl: `http://127.0.0.1:${port}/readyz`,
  });
  await waitUntilReady(api, 60_000);
  const pid = api.child.pid as number;
  const apiUrl = `http://127.0.0.1:${port}`;
  const token = await benchToken(workDir, tenant.adminEmail);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const streamToken = (
    (await (await fetch(`${apiUrl}/api/events/token`, { method: 'POST', headers })).json()) as {
      token: string;
    }
  ).token;

  // Warm the paths the change takes, so the first measured event is not the process's first.
  await fetch(`${apiUrl}/api/ideas/${idea.id}`, { headers });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rssBefore = rssMb(pid);

  const receipts = new Map<number, number[]>();
  const streamUrl = `${apiUrl}/api/events?token=${encodeURIComponent(streamToken)}`;
  const opening = performance.now();
  const streams: http.ClientRequest[] = [];
  for (let opened = 0; opened < connections; opened += 100) {
    const batch = Math.min(100, connections - opened);
    streams.push(
      ...(await Promise.all(
        Array.from({ length: batch }, () =>
          openStream(streamUrl, (version) => {
            const at = receipts.get(version) ?? [];
            at.push(performance.now());
            receipts.set(version, at);
          }),
        ),
      )),
    );
  }
  say(`${connections} streams open in ${((performance.now() - opening) / 1000).toFixed(1)} s`);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const rssAfter = rssMb(pid);

  const firsts: number[] = [];
  const lasts: number[] = [];
  for (let i = 0; i < events; i += 1) {
    const current = (await (await fetch(`${apiUrl}/api/ideas/${idea.id}`, { headers })).json()) as {
      version: number;
    };
    const started = performance.now();
    const res = await fetch(`${apiUrl}/api/ideas/${idea.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ version: current.version, title: `Fan-out ${i}` }),
    });
    const { version } = (await res.json()) as { version: number };
    const deadline = Date.now() + 10_000;
    while ((receipts.get(version)?.length ?? 0) < connections) {
      if (Date.now() > deadline)
        throw new Error(`only ${receipts.get(version)?.length ?? 0} streams heard event ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const at = receipts.get(version) as number[];
    firsts.push(Math.min(...at) - started);
    lasts.push(Math.max(...at) - started);
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  say(`API RSS: ${rssBefore?.toFixed(1)} MB before, ${rssAfter?.toFixed(1)} MB with ${connections} streams`);
  say(
    `one change to ${connections} streams over ${events} changes (from the PATCH): first receipt median ${median(firsts).toFixed(1)} ms, ` +
      `last receipt median ${median(lasts).toFixed(1)} ms, worst last ${Math.max(...lasts).toFixed(1)} ms`,
  );
  for (const stream of streams) stream.destroy();
}

try {
  await main();
} finally {
  if (api) await stopService(api);
  await stopDatabase?.();
  fs.rmSync(workDir, { recursive: true, force: true });
}
