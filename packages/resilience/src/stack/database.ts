import path from 'node:path';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@muse/db/embedded';
import { setUpTestDatabase } from '@muse/db/test-database';

/**
 * An embedded PostgreSQL of the item's own, set up, that can be stopped and started again
 * on the same port and data: the database outage of item 1.
 */
export async function startDatabase(stateDir: string) {
  const options = { dataDir: path.join(stateDir, 'postgres'), port: 0, database: 'muse' };
  let server: EmbeddedPostgres | undefined = await startEmbeddedPostgres(options);
  const { url, port } = server;
  const appUrl = await setUpTestDatabase(url);

  return {
    /** The superuser's URL: the world is made and checks read as it. */
    url,
    /** The services' login (DATABASE_URL), as in production. */
    appUrl,
    port,
    async stop(): Promise<void> {
      await server?.stop();
      server = undefined;
    },
    async start(): Promise<void> {
      server ??= await startEmbeddedPostgres({ ...options, port });
    },
  };
}

export type Database = Awaited<ReturnType<typeof startDatabase>>;
