import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@muse/config/ports';
import { ensureLocalKeyPair, localSubject, mintLocalToken } from '@muse/local-auth';
import { afterAll, describe, expect, it } from 'vitest';

// The start command end to end: a fresh data folder, then a second start that reuses it.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-launcher-'));

const ports = {
  MUSE_PG_PORT: await freePort(),
  API_PORT: await freePort(),
  WORKER_PORT: await freePort(),
  WEB_PORT: await freePort(),
  AI_SERVICE_PORT: await freePort(),
  OFFLINE_MODEL_PORT: await freePort(),
  MUSE_SMTP_PORT: await freePort(),
  MUSE_MAILBOX_PORT: await freePort(),
};
const webOrigin = `http://localhost:${ports.WEB_PORT}`;

interface Started {
  child: ChildProcess;
  output: string;
  seconds: number;
}

/** The start command on this test's ports and data folder. */
function spawnStartCommand(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'start.ts')], {
    env: {
      ...process.env,
      MUSE_DATA_DIR: dataDir,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function startStack(): Promise<Started> {
  const started = Date.now();
  const child = spawnStartCommand();
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 240 s:\n${output}`)), 240_000);
    child.stdout?.on('data', () => {
      if (output.includes('Muse is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start command exited with ${code}:\n${output}`));
    });
  });
  return { child, output, seconds: (Date.now() - started) / 1000 };
}

async function stopStack(stack: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => stack.child.once('exit', (code) => resolve(code)));
  stack.child.kill('SIGINT');
  return exited;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function tokenFor(email: string): Promise<string> {
  const { privateKeyPem } = ensureLocalKeyPair(dataDir);
  return mintLocalToken(privateKeyPem, { subject: localSubject(email), email, authorizedParty: webOrigin });
}

const services = {
  api: ports.API_PORT,
  worker: ports.WORKER_PORT,
  'ai-service': ports.AI_SERVICE_PORT,
  web: ports.WEB_PORT,
};

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const file of fs
    .readdirSync(path.dirname(dataDir))
    .filter((f) => f.startsWith(`${path.basename(dataDir)}`))) {
    fs.rmSync(path.join(path.dirname(dataDir), file), { recursive: true, force: true });
  }
});

describe('the start command', () => {
  it('when started on an empty data folder, then every service is healthy, the landing page renders and the demo users exist; Ctrl-C stops everything', async () => {
    const stack = await startStack();
    try {
      expect(stack.output).toContain('seeded demo data: northwind-social, blue-harbor-agency');
      for (const [name, port] of Object.entries(services)) {
        for (const check of ['healthz', 'readyz']) {
          const response = await fetch(`http://127.0.0.1:${port}/${check}`);
          expect({ name, check, status: response.status }).toEqual({ name, check, status: 200 });
        }
      }
      const landing = await (await fetch(`http://127.0.0.1:${ports.WEB_PORT}/`)).text();
      expect(landing).toContain('Campaign ideas in your clients’ voice');
      const mailbox = `http://localhost:${ports.MUSE_MAILBOX_PORT}/`;
      expect(stack.output).toContain(`Mailbox    ${mailbox}`);
      expect(await (await fetch(mailbox)).text()).toContain('Dev mailbox');

      const expectedRoles = {
        'admin@muse.test': 'PLATFORM_ADMIN',
        'owner@northwind.test': 'AGENCY_ADMIN',
        'member@northwind.test': 'AGENCY_MEMBER',
        'client@acme-coffee.test': 'CLIENT',
        'client@bloom-fitness.test': 'CLIENT',
        'owner@blueharbor.test': 'AGENCY_ADMIN',
        'client@harborbooks.test': 'CLIENT',
      };
      for (const [email, role] of Object.entries(expectedRoles)) {
        const response = await fetch(`http://127.0.0.1:${ports.API_PORT}/api/me`, {
          headers: { authorization: `Bearer ${await tokenFor(email)}` },
        });
        const body = (await response.json()) as { user?: { email?: string; role?: string } };
        expect({ email, status: response.status, role: body.user?.role }).toEqual({
          email,
          status: 200,
          role,
        });
      }
      console.log(`launcher: first start ready in ${stack.seconds.toFixed(1)} s`);
    } finally {
      expect(await stopStack(stack)).toBe(0);
    }
    for (const port of [
      ports.MUSE_PG_PORT,
      ports.MUSE_SMTP_PORT,
      ports.MUSE_MAILBOX_PORT,
      ...Object.values(services),
    ]) {
      expect({ port, open: await accepts(port) }).toEqual({ port, open: false });
    }
  });

  it('when started again, then it reuses the data without seeding twice', async () => {
    const stack = await startStack();
    try {
      expect(stack.output).toContain('migrations: 0 applied');
      expect(stack.output).not.toContain('seeded demo data');
      const response = await fetch(`http://127.0.0.1:${ports.API_PORT}/api/me`, {
        headers: { authorization: `Bearer ${await tokenFor('owner@northwind.test')}` },
      });
      expect(response.status).toBe(200);
      console.log(`launcher: second start ready in ${stack.seconds.toFixed(1)} s`);
    } finally {
      expect(await stopStack(stack)).toBe(0);
    }
  });

  it('when a port it needs is taken (another Muse holds the worker port), then it refuses at once with one line naming the variable', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(ports.WORKER_PORT, resolve));
    try {
      const child = spawnStartCommand();
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(
        `muse: port ${ports.WORKER_PORT} is already in use (WORKER_PORT); stop what holds it or set WORKER_PORT to a free port`,
      );
      for (const port of [ports.MUSE_PG_PORT, ports.API_PORT]) {
        expect({ port, open: await accepts(port) }).toEqual({ port, open: false });
      }
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
