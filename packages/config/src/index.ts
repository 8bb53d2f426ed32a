import { existsSync } from 'node:fs';
import path from 'node:path';

export { bearerMatches, metricsScrapeStatus } from './bearer.ts';
export { ConfigError, env, loadConfig, parseEnv } from './env.ts';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(import.meta.dirname);

/** Where local state lives: the embedded database, the local auth key pair. */
export function dataDir(): string {
  return path.resolve(process.env.MUSE_DATA_DIR ?? path.join(repoRoot, '.data'));
}
