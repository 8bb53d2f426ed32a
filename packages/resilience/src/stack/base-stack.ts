import path from 'node:path';
import { createAuthority } from './auth.ts';
import { startDatabase } from './database.ts';
import { createRunDir } from './run-dir.ts';
import { startApi } from './services.ts';
import { makeWorld } from './world.ts';

/**
 * What every item starts from: a migrated embedded PostgreSQL of its own, the world's rows, the
 * local key pair, and the real API process on them (`apiEnv` on top of the suite's defaults).
 */
export async function startBaseStack(item: string, apiEnv: Record<string, string> = {}) {
  const run = createRunDir(item);
  const database = await startDatabase(run.state);
  try {
    const authority = createAuthority(path.join(run.state, 'data'));
    const world = await makeWorld(database.url);
    const api = await startApi({
      databaseUrl: database.appUrl,
      dataDir: authority.dataDir,
      logDir: run.logs,
      env: apiEnv,
    });
    return {
      run,
      database,
      authority,
      world,
      api,
      async stop(): Promise<void> {
        await api.stop();
        await database.stop();
        run.cleanUp();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

export type BaseStack = Awaited<ReturnType<typeof startBaseStack>>;
