import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';

export interface TestDatabase {
  /** Owner connection URL of a freshly migrated database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A migrated database for one test run: a new database on TEST_DATABASE_URL's server when
 * that is set, otherwise a throw-away embedded PostgreSQL.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return createOnServer(serverUrl);

  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `muse-test-${randomBytes(6).toString('hex')}`),
    port: 0,
    database: 'muse_test',
    ephemeral: true,
  });
  try {
    await migrate(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, stop: embedded.stop };
}

async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  const name = `muse_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      await client.end();
    },
  };
}
