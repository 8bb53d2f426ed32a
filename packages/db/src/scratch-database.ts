import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * One statement on a connection of its own, as whoever the URL logs in as: for tools and tests
 * (set-up, checks, inspection), never for a service's traffic, which goes through its pool.
 */
export async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A new empty database on the server (named `<prefix>_<random>`); dropped by the returned function. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = 'scratch',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await query(serverUrl, `create database ${pg.escapeIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await query(serverUrl, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    },
  };
}
