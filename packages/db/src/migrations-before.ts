import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR } from './migrate.ts';

/**
 * A copy of the migrations folder as it was before `name`: what a database of that time has
 * applied, for testing how a migration treats the data it finds.
 */
export function migrationsBefore(name: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-migrations-before-'));
  for (const entry of fs.readdirSync(MIGRATIONS_DIR).filter((entry) => entry < name)) {
    fs.cpSync(path.join(MIGRATIONS_DIR, entry), path.join(dir, entry), { recursive: true });
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
