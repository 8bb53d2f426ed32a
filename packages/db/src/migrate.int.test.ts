import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { MigrationError, migrate, readMigrations } from './migrate.ts';
import { createScratchDatabase, query } from './scratch-database.ts';

let dir: string;
let database: { url: string; drop(): Promise<void> };

function writeMigration(name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-migrations-'));
  database = await createScratchDatabase(inject('databaseUrl'));
});

afterEach(async () => {
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration runner', () => {
  it('when migrations are pending, then it applies them in name order and records them as Prisma does', async () => {
    writeMigration('20260102000000_second', 'alter table things add column size int;');
    writeMigration('20260101000000_first', 'create table things (id int primary key);');

    const result = await migrate(database.url, { dir });

    expect(result.applied).toEqual(['20260101000000_first', '20260102000000_second']);
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
    }>(
      database.url,
      'select migration_name, checksum, finished_at, applied_steps_count, rolled_back_at from _prisma_migrations order by started_at, migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['20260101000000_first', '20260102000000_second']);
    const expected = createHash('sha256').update('create table things (id int primary key);').digest('hex');
    expect(rows[0]?.checksum).toBe(expected);
    expect(
      rows.every(
        (r) => r.finished_at instanceof Date && r.applied_steps_count === 1 && r.rolled_back_at === null,
      ),
    ).toBe(true);
    const columns = await query<{ column_name: string }>(
      database.url,
      "select column_name from information_schema.columns where table_name = 'things' order by 1",
    );
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'size']);
  });

  it('when run a second time, then it changes nothing', async () => {
    writeMigration('20260101000000_first', 'create table things (id int primary key);');
    await migrate(database.url, { dir });

    const again = await migrate(database.url, { dir });

    expect(again).toEqual({ applied: [], alreadyApplied: 1 });
    const [{ count }] = (await query<{ count: string }>(
      database.url,
      'select count(*) from _prisma_migrations',
    )) as [{ count: string }];
    expect(Number(count)).toBe(1);
  });

  it('when an applied migration file changed, then it refuses to run', async () => {
    writeMigration('20260101000000_first', 'create table things (id int primary key);');
    await migrate(database.url, { dir });
    writeMigration('20260101000000_first', 'create table things (id bigint primary key);');
    writeMigration('20260102000000_second', 'create table others (id int);');

    await expect(migrate(database.url, { dir })).rejects.toThrow(
      /20260101000000_first was modified after it was applied/,
    );
    const tables = await query(
      database.url,
      "select 1 from information_schema.tables where table_name = 'others'",
    );
    expect(tables).toHaveLength(0);
  });

  it('when a migration fails half-way, then none of it stays and it is not recorded', async () => {
    writeMigration('20260101000000_broken', 'create table things (id int); select * from no_such_table;');

    await expect(migrate(database.url, { dir })).rejects.toBeInstanceOf(MigrationError);

    expect(
      await query(database.url, "select 1 from information_schema.tables where table_name = 'things'"),
    ).toHaveLength(0);
    expect(await query(database.url, 'select 1 from _prisma_migrations')).toHaveLength(0);
  });

  it('when two runners start at once, then each migration is applied exactly once', async () => {
    writeMigration('20260101000000_first', 'create table things (id int primary key);');
    const results = await Promise.all([migrate(database.url, { dir }), migrate(database.url, { dir })]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 1]);
  });

  it("when reading the project's migrations, then they are ordered and each has a checksum", () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    expect(migrations.every((m) => /^[0-9a-f]{64}$/.test(m.checksum))).toBe(true);
  });
});
