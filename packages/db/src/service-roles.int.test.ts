import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from './client.ts';
import { JOB_QUEUE_SCHEMA } from './job-queue-schema.ts';
import { createScratchDatabase, query } from './scratch-database.ts';
import { seed } from './seed/seed.ts';
import { assertServiceLogin, loginFacts, urlAs } from './service-roles.ts';
import { setUpTestDatabase } from './test-database.ts';

let database: { url: string; drop(): Promise<void> };
let appUrl: string;
let ownerDb: Database;
let northwind: string;
let blueHarbor: string;
const QUEUE = 'service-roles-test';

/** One statement on its own connection, logged in exactly as the API logs in (DATABASE_URL). */
async function asApi<T extends pg.QueryResultRow>(sql: string, params: unknown[] = [], tenantId?: string) {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query('begin');
    if (tenantId) await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    const { rows } = await client.query<T>(sql, params);
    await client.query('commit');
    return rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createScratchDatabase(inject('databaseUrl'));
  appUrl = await setUpTestDatabase(database.url);
  ownerDb = createDatabase({ url: database.url, poolSize: 2 });
  await seed(ownerDb);
  const tenants = await query<{ id: string; slug: string }>(database.url, 'select id, slug from tenants');
  northwind = tenants.find((t) => t.slug === 'northwind-social')?.id ?? '';
  blueHarbor = tenants.find((t) => t.slug === 'blue-harbor-agency')?.id ?? '';
  // One job per tenant, added the way the API adds them: as muse_app inside the tenant's transaction.
  const boss = new PgBoss({
    connectionString: urlAs(appUrl, 'queue'),
    schema: JOB_QUEUE_SCHEMA,
    migrate: false,
  });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue(QUEUE);
  for (const tenantId of [northwind, blueHarbor]) {
    const client = new pg.Client({ connectionString: appUrl });
    await client.connect();
    await client.query('begin');
    await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    await boss.send(
      QUEUE,
      { tenantId },
      { db: { executeSql: (text, values) => client.query(text, values) } },
    );
    await client.query('commit');
    await client.end();
  }
  await boss.stop({ graceful: false });
});

afterAll(async () => {
  await ownerDb.disconnect();
  await database.drop();
});

describe('the database login of the API and the worker', () => {
  it('is muse_app: no superuser, no BYPASSRLS, owns no table and cannot act as the owner of one', async () => {
    expect(await loginFacts(appUrl)).toEqual({
      role: 'muse_app',
      superuser: false,
      bypassRls: false,
      ownedTables: 0,
    });
    await expect(assertServiceLogin(appUrl, 'app')).resolves.toBeUndefined();
    await expect(assertServiceLogin(database.url, 'app')).rejects.toThrow(/is a superuser/);
  });

  it('when it tries SET ROLE to the owner (or any other role), then the database refuses', async () => {
    const [row] = await query<{ owner: string }>(
      database.url,
      "select tableowner as owner from pg_tables where tablename = 'ideas'",
    );
    const owner = row?.owner ?? '';
    await expect(asApi(`set role ${pg.escapeIdentifier(owner)}`)).rejects.toThrow(/permission denied/);
    await expect(asApi('set role muse_platform')).rejects.toThrow(/permission denied/);
    await expect(asApi('set role muse_queue')).rejects.toThrow(/permission denied/);
  });

  it('when no tenant is set, then tenants, users and ideas read as 0 rows', async () => {
    const [counts] = await asApi<{ tenants: number; users: number; ideas: number }>(
      'select (select count(*)::int from tenants) as tenants, (select count(*)::int from users) as users, (select count(*)::int from ideas) as ideas',
    );
    expect(counts).toEqual({ tenants: 0, users: 0, ideas: 0 });
  });

  it('when a tenant is set, then it reads its own tenant row only', async () => {
    const rows = await asApi<{ id: string }>('select id from tenants', [], northwind);
    expect(rows).toEqual([{ id: northwind }]);
  });

  it('cannot update, create or unsuspend a tenant, not even its own', async () => {
    await expect(
      asApi("update tenants set monthly_token_quota = 999999999, status = 'ACTIVE'", [], northwind),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asApi("insert into tenants (id, name, slug) values ($1, 'Squat', 'squat')", [randomUUID()], northwind),
    ).rejects.toThrow(/permission denied/);
  });

  it('cannot switch on a platform-wide scope with a setting: the old scope settings show nothing', async () => {
    const rows = await asApi<{ n: number }>(
      "select set_config('app.platform_scope', 'on', true), set_config('app.auth_email', 'owner@blueharbor.test', true), (select count(*)::int from users) as n",
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("reads only its own tenant's jobs, and none without a tenant", async () => {
    const table = `${JOB_QUEUE_SCHEMA}.job_common`;
    const own = await asApi<{ tenant: string }>(
      `select data->>'tenantId' as tenant from ${table}`,
      [],
      northwind,
    );
    expect(own).toEqual([{ tenant: northwind }]);
    expect(await asApi(`select id from ${table}`)).toEqual([]);
    await expect(asApi(`select id from ${JOB_QUEUE_SCHEMA}.job`, [], northwind)).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApi(`update ${table} set data = '{}'`, [], northwind)).rejects.toThrow(
      /permission denied/,
    );
    // And it cannot file a job under another tenant.
    await expect(
      asApi(
        `insert into ${table} (name, data) values ($1, jsonb_build_object('tenantId', $2::text))`,
        [QUEUE, blueHarbor],
        northwind,
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('the platform login (sign-in and platform administration)', () => {
  it('is not a superuser, does not bypass row-level security and owns nothing', async () => {
    expect(await loginFacts(urlAs(appUrl, 'platform'))).toEqual({
      role: 'muse_platform',
      superuser: false,
      bypassRls: false,
      ownedTables: 0,
    });
  });

  it("counts an agency's clients but cannot read their brand profiles or any idea", async () => {
    const client = new pg.Client({ connectionString: urlAs(appUrl, 'platform') });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from clients where tenant_id = $1 and archived_at is null',
        [blueHarbor],
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
      await expect(client.query('select brand_voice from clients')).rejects.toThrow(/permission denied/);
      await expect(client.query('select caption from ideas')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });

  it('reads clients, campaigns and generations across tenants through one policy named for that', async () => {
    const policies = await query<{ table: string; policy: string; roles: string[] }>(
      database.url,
      `select tablename as table, policyname as policy, roles::text[] as roles from pg_policies
        where 'muse_platform' = any(roles) and tablename in ('clients', 'campaigns', 'generations')
        order by tablename`,
    );
    expect(policies).toEqual(
      ['campaigns', 'clients', 'generations'].map((table) => ({
        table,
        policy: 'platform_read_across_tenants',
        roles: ['muse_platform'],
      })),
    );
  });
});

describe('the queue login', () => {
  it('owns nothing and reaches no tenant table', async () => {
    const url = urlAs(appUrl, 'queue');
    expect(await loginFacts(url)).toMatchObject({ role: 'muse_queue', superuser: false, ownedTables: 0 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect(client.query('select id from users')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });
});
