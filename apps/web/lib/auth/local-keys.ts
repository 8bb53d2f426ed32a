import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureLocalKeyPair, type LocalKeyPair } from '@muse/local-auth';
import { serverConfig } from '@/lib/server-config';

/** The repository's .data folder, found from the working directory (the start command runs us in apps/web). */
function defaultDataDir(): string {
  let dir = /*turbopackIgnore: true*/ process.cwd();
  while (!existsSync(path.join(/*turbopackIgnore: true*/ dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(/*turbopackIgnore: true*/ process.cwd(), '.data');
    dir = parent;
  }
  return path.join(/*turbopackIgnore: true*/ dir, '.data');
}

let cached: LocalKeyPair | undefined;

/** The key pair the API trusts in local mode; the same files the platform's start command prepares. */
export function localKeyPair(): LocalKeyPair {
  cached ??= ensureLocalKeyPair(
    path.resolve(/*turbopackIgnore: true*/ serverConfig.MUSE_DATA_DIR ?? defaultDataDir()),
  );
  return cached;
}
