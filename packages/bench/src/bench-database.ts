import path from 'node:path';
import { startEmbeddedPostgres } from '@muse/db/embedded';
import { createScratchDatabase } from '@muse/db/scratch';

/**
 * The database a benchmark runs on: a scratch database on BENCH_DATABASE_URL's server when it is
 * set, else an embedded PostgreSQL of its own under `workDir`. `stop` drops or stops it.
 */
export async function benchDatabase(
  workDir: string,
  name: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    const scratch = await createScratchDatabase(server, name);
    return { url: scratch.url, stop: scratch.drop };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(workDir, 'postgres'),
    port: 0,
    database: name,
    ephemeral: true,
  });
  return { url: embedded.url, stop: embedded.stop };
}
