import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The folders of one item's run: `logs/` (one file per process, left in place after the run so
 * a failure can be read) and `state/` (database and key pair, removed by `cleanUp`).
 */
export function createRunDir(item: string) {
  const root = path.join(os.tmpdir(), 'muse-resilience', item.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-'));
  fs.rmSync(root, { recursive: true, force: true });
  const logs = path.join(root, 'logs');
  const state = path.join(root, 'state');
  fs.mkdirSync(logs, { recursive: true });
  // PostgreSQL runs as its own user when the suite runs as root: it must reach the data folder.
  fs.mkdirSync(state, { recursive: true, mode: 0o755 });
  return {
    logs,
    state,
    cleanUp: () => fs.rmSync(state, { recursive: true, force: true }),
  };
}
