import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { createScratchDatabase } from './scratch-database.ts';
import { setUpDatabase } from './set-up.ts';

export interface TestDatabase {
  /** The owner's connection URL of a freshly set-up database: for fixtures and inspection. */
  ownerUrl: string;
  /** The application role's login, exactly as the services connect (DATABASE_URL). */
  url: string;
  stop(): Promise<void>;
}

/**
 * A set-up database for one test run: a new database on TEST_DATABASE_URL's server when that
 * is set, otherwise a throw-away embedded PostgreSQL.
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
    return { ownerUrl: embedded.url, url: await setUpTestDatabase(embedded.url), stop: embedded.stop };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** Sets up a database the test made on the test server; returns the services' URL for it. */
export async function setUpTestDatabase(ownerUrl: string): Promise<string> {
  return (await setUpDatabase(ownerUrl, { password: testPassword(ownerUrl) })).appUrl;
}

/**
 * The service roles' password on a test server. Roles belong to the whole server, so every test
 * database on it must agree on one: it is derived from the server's address.
 */
function testPassword(serverUrl: string): string {
  const { host } = new URL(serverUrl);
  return createHash('sha256').update(`muse-test-service-roles:${host}`).digest('base64url');
}

async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  const database = await createScratchDatabase(serverUrl, 'muse_test');
  return { ownerUrl: database.url, url: await setUpTestDatabase(database.url), stop: database.drop };
}
