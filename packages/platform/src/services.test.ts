import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startService } from './services.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
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
