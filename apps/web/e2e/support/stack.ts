import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@muse/config/ports';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** Opens the offline model's fault settings to the browser tests (`E2E_MODEL_URL`), e.g. to slow it down. */
export const MODEL_DEBUG_TOKEN = 'e2e-offline-model-debug-token';

export interface RunningStack {
  webUrl: string;
  apiUrl: string;
  /** The offline model's root, where `/_faults` takes MODEL_DEBUG_TOKEN. */
  modelUrl: string;
  /** The dev mailbox page of the mail the stack caught. */
  mailboxUrl: string;
  dataDir: string;
  stop: () => Promise<void>;
}

/**
 * Starts `pnpm stack:start` isolated on free ports and a temporary data folder; resolves once it
 * is running. `env` reaches every service (e.g. OTEL_EXPORTER_OTLP_ENDPOINT).
 */
export async function startStack(
  env: Record<string, string> = {},
  timeoutMs = 8 * 60_000,
): Promise<RunningStack> {
  const [web, api, worker, ai, model, pg, smtp, mailbox] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-e2e-'));
  const logFile = path.join(dataDir, 'stack.log');
  // The start command itself (not through pnpm), so stopping waits for its own orderly shutdown.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'packages/launcher/src/start.ts'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      MUSE_DATA_DIR: dataDir,
      WEB_PORT: String(web),
      API_PORT: String(api),
      WORKER_PORT: String(worker),
      AI_SERVICE_PORT: String(ai),
      OFFLINE_MODEL_PORT: String(model),
      MUSE_PG_PORT: String(pg),
      MUSE_SMTP_PORT: String(smtp),
      MUSE_MAILBOX_PORT: String(mailbox),
      // Mail about notifications waits out a short window, so a test sees it in seconds.
      NOTIFICATION_BATCH_SECONDS: '2',
      OFFLINE_MODEL_DEBUG_TOKEN: MODEL_DEBUG_TOKEN,
      ...env,
    },
  });
  const log = fs.createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`the stack did not start in time; see ${logFile}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Muse is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited with code ${code} before it was ready; see ${logFile}`));
    });
  });

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || !child.pid) return resolve();
      child.once('exit', () => resolve());
      // SIGINT to the whole group: the start command then stops every service and the database in order.
      process.kill(-child.pid, 'SIGINT');
      setTimeout(() => {
        if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
      }, 30_000).unref();
    });

  return {
    webUrl: `http://localhost:${web}`,
    apiUrl: `http://localhost:${api}`,
    mailboxUrl: `http://127.0.0.1:${mailbox}`,
    modelUrl: `http://127.0.0.1:${model}`,
    dataDir,
    stop,
  };
}
