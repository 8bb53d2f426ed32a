import { query as ownerQuery } from '@muse/db/scratch';

/** Columns a request may touch without changing data: the sign-in presence stamp. */
const VOLATILE_COLUMNS = ['last_seen_at'];

/**
 * Row count and checksum of every table of the application schema, read as the superuser
 * (row-level security does not hide rows from it): equal snapshots mean no row changed.
 */
export async function snapshotTables(url: string): Promise<Map<string, string>> {
  const tables = await ownerQuery<{ name: string }>(
    url,
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const snapshot = new Map<string, string>();
  for (const { name } of tables) {
    const row = `(to_jsonb(t) - $1::text[])::text`;
    const [result] = await ownerQuery<{ rows: number; checksum: string }>(
      url,
      `select count(*)::int as rows, md5(coalesce(string_agg(${row}, ',' order by ${row}), '')) as checksum from "${name}" t`,
      [VOLATILE_COLUMNS],
    );
    snapshot.set(name, `${result?.rows} rows, md5 ${result?.checksum}`);
  }
  return snapshot;
}

/** The tables whose snapshot differs, with before → after. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((name) => before.get(name) !== after.get(name))
    .map((name) => `${name}: ${before.get(name) ?? 'absent'} → ${after.get(name) ?? 'absent'}`);
}
