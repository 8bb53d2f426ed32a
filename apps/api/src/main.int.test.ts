import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '@muse/db';
import { ensureLocalKeyPair, mintLocalToken } from '@muse/local-auth';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeAgency } from './test/factories.ts';
import { createTestDatabase } from './test/owner-database.ts';
import { openSse } from './test/sse-client.ts';

const API_DIR = path.resolve(import.meta.dirname, '..');

interface Started {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: string[];
  exited: Promise<number | null>;
}

/** Runs `src/main.ts` as the start command does, collecting its JSON log lines. */
function startProcess(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return { child, lines, stderr, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function waitForLine(started: Started, msg: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = started.lines.find((entry) => entry.msg === msg);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no "${msg}" log line; got ${JSON.stringify(started.lines)} ${started.stderr.join('')}`);
}

const WEB_ORIGIN = 'http://web.local.test';

/** A process in local mode, listening, and what mints the tokens its users sign in with. */
async function startLocalMode() {
  const started = startProcess({
    DATABASE_URL: inject('databaseUrl'),
    PORT: '0',
    MUSE_DATA_DIR: dataDir,
    WEB_ORIGIN,
    LOG_LEVEL: 'info',
  });
  try {
    const { url } = (await waitForLine(started, 'api listening')) as { url: string };
    const tokenFor = (user: { authSubject: string | null }) =>
      mintLocalToken(ensureLocalKeyPair(dataDir).privateKeyPem, {
        subject: user.authSubject ?? '',
        authorizedParty: WEB_ORIGIN,
      });
    return { started, url, tokenFor };
  } catch (error) {
    started.child.kill('SIGKILL');
    throw error;
  }
}

let dataDir: string;
let db: Database;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'muse-api-main-'));
  db = createTestDatabase(inject('databaseUrl'), 2);
});
afterAll(async () => {
  await db.disconnect();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the api process', () => {
  it('when started in local mode, then it serves tokens of the local key pair and stops cleanly on SIGTERM', async () => {
    const { started, url, tokenFor } = await startLocalMode();
    try {
      const { admin } = await makeAgency(db);
      const token = await tokenFor(admin);
      const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { id: string } }).user.id).toBe(admin.id);

      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      expect(started.lines.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['shutting down: draining requests', 'stopped']),
      );
    } finally {
      started.child.kill('SIGKILL');
    }
  });

  it('when SIGTERM arrives under keep-alive load, then every request sent before it is answered, later answers close their connection, and the drain does not run into its timeout', async () => {
    const started = startProcess({ DATABASE_URL: inject('databaseUrl'), PORT: '0', LOG_LEVEL: 'info' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    try {
      const { url } = (await waitForLine(started, 'api listening')) as { url: string };
      let signalledAt = Number.POSITIVE_INFINITY;
      const answers: { sentAt: number; status?: number; connection?: string; error?: string }[] = [];
      const get = (sentAt: number) =>
        new Promise<void>((resolve) => {
          http
            .get(`${url}/healthz`, { agent }, (res) => {
              res.resume();
              res.on('end', () => {
                answers.push({ sentAt, status: res.statusCode, connection: res.headers.connection });
                resolve();
              });
            })
            .on('error', (error: NodeJS.ErrnoException) => {
              answers.push({ sentAt, error: error.code });
              resolve();
            });
        });
      const loops = Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 2_000 && !answers.some((answer) => answer.error === 'ECONNREFUSED'); i += 1) {
          await get(Date.now());
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      signalledAt = Date.now();
      started.child.kill('SIGTERM');
      await Promise.all(loops);

      expect(await started.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(4_000);
      const before = answers.filter((answer) => answer.sentAt < signalledAt);
      expect(before.filter((answer) => answer.status !== 200)).toEqual([]);
      const answeredAfter = answers.filter((answer) => answer.sentAt > signalledAt + 100 && answer.status);
      expect(answeredAfter.length).toBeGreaterThan(0);
      expect(answeredAfter.every((answer) => answer.connection === 'close')).toBe(true);
    } finally {
      agent.destroy();
      started.child.kill('SIGKILL');
    }
  });

  it('when SIGTERM arrives with a live stream open, then the stream is ended and the stream does not hold up the drain', async () => {
    const { started, url, tokenFor } = await startLocalMode();
    try {
      const { member } = await makeAgency(db);
      const token = await tokenFor(member);
      const issued = await fetch(`${url}/api/events/token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      const { token: streamToken } = (await issued.json()) as { token: string };
      const stream = await openSse(`${url}/api/events?token=${encodeURIComponent(streamToken)}`);
      expect(stream.status).toBe(200);

      const signalledAt = Date.now();
      started.child.kill('SIGTERM');
      await stream.ended;
      expect(await started.exited).toBe(0);
      // Well inside the drain's timeout: the open stream did not keep the server from closing.
      expect(Date.now() - signalledAt).toBeLessThan(4_000);
    } finally {
      started.child.kill('SIGKILL');
    }
  });

  it('when local auth is configured with NODE_ENV=production, then it refuses to start naming AUTH_MODE', async () => {
    const started = startProcess({ DATABASE_URL: inject('databaseUrl'), NODE_ENV: 'production', PORT: '0' });
    expect(await started.exited).toBe(1);
    expect(started.stderr.join('')).toContain('AUTH_MODE: local sign-in');
  });
});
