import { createDatabase, type Database } from '@muse/db';
import { inject } from 'vitest';

const owners = new WeakMap<Database, Database>();

/**
 * The services' database (DATABASE_URL) for a test, and beside it, for fixtures only, the same
 * database as its owner: found by `ownerOf`, closed with it.
 */
export function createTestDatabase(url: string, poolSize = 4): Database {
  const db = createDatabase({ url, poolSize });
  const ownerUrl = new URL(inject('ownerDatabaseUrl'));
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
