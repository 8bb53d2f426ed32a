import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, waitUntilReady } from './services.ts';

const dirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('service logs', () => {
  it('when a service starts, then its log is 0600 in a 0700 folder, even if an earlier run left them readable', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-services-'));
    dirs.push(root);
    const logDir = path.join(root, 'data', 'logs');
    fs.mkdirSync(logDir, { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(logDir, 'echo.log'), 'earlier run\n', { mode: 0o644 });
    fs.chmodSync(logDir, 0o755);

    const handle = startService(root, logDir, {
      name: 'echo',
      cwd: '.',
      command: [process.execPath, '-e', 'console.log("a prompt")'],
      env: {},
      readyUrl: 'http://127.0.0.1:1/unused',
    });
    expect(await handle.exited).toBe(0);

    expect(modeOf(logDir)).toBe(0o700);
    expect(modeOf(handle.logFile)).toBe(0o600);
    await expect.poll(() => fs.readFileSync(handle.logFile, 'utf8')).toBe('earlier run\na prompt\n');
  });
});

/** A readiness endpoint on a free port answering 200, with the given instance header if any. */
async function readyEndpoint(instance: string | undefined): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, instance ? { 'X-Muse-Instance': instance } : {}).end('{"status":"ok"}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
}

/** A service that is still running, as far as waitUntilReady can tell. */
const runningAt = (readyUrl: string) => ({
  service: { name: 'api', cwd: '.', command: [], env: {}, readyUrl },
  logFile: '/tmp/api.log',
  exited: new Promise<number | null>(() => {}),
});

describe('waiting until a service is ready', () => {
  it('when its port answers 200 with this launcher instance id, then the service is ready', async () => {
    const url = await readyEndpoint('this-run');
    await expect(waitUntilReady(runningAt(url), 2_000, 'this-run')).resolves.toBeUndefined();
  });

  it('when its port answers 200 without an instance id, then the service is not taken for ready', async () => {
    const url = await readyEndpoint(undefined);
    await expect(waitUntilReady(runningAt(url), 1_000, 'this-run')).rejects.toThrow(
      'api was not ready within 1 s',
    );
  });

  it('when its port answers 200 for another instance, then it fails at once naming the service and port', async () => {
    const url = await readyEndpoint('other-run');
    const { port } = new URL(url);
    const started = Date.now();
    await expect(waitUntilReady(runningAt(url), 10_000, 'this-run')).rejects.toThrow(
      `api: port ${port} answers for another Muse instance; `,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
