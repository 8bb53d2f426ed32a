import { createDatabase, type Database, type ReplicaOptions } from '@muse/db';
import { inject } from 'vitest';

const owners = new WeakMap<Database, Database>();

export interface TestDatabaseOptions {
  /** The owner's login to a server of the test's own, instead of the shared test server's. */
  ownerUrl?: string;
  replicas?: ReplicaOptions;
}

/**
 * The services' database (DATABASE_URL) for a test, and beside it, for fixtures only, the same
 * database as its owner: found by `ownerOf`, closed with it.
 */
export function createTestDatabase(url: string, poolSize = 4, options: TestDatabaseOptions = {}): Database {
  const db = createDatabase({ url, poolSize, replicas: options.replicas });
  const ownerUrl = new URL(options.ownerUrl ?? inject('ownerDatabaseUrl'));
  ownerUrl.pathname = new URL(url).pathname;
  const owner = createDatabase({ url: ownerUrl.toString(), poolSize: 2 });
  owners.set(db, owner);
  const disconnect = db.disconnect;
  db.disconnect = async () => {
    await Promise.all([disconnect(), owner.disconnect()]);
  };
  return db;
}

export function ownerOf(db: Database): Database {
  const owner = owners.get(db);
  if (!owner) throw new Error('fixtures need a database made by createTestDatabase');
  return owner;
}
