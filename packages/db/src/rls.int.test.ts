import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEventsAgainstCatalog } from './audit-catalog-check.ts';
import { createDatabase, type Database } from './client.ts';
import { createScratchDatabase, query } from './scratch-database.ts';
import { seed } from './seed/seed.ts';
import { setUpTestDatabase } from './test-database.ts';

let database: { url: string; drop(): Promise<void> };
/** The application role's login, as the services connect. */
let appUrl: string;
/** As the services connect. */
let db: Database;
/** As the owner: for the seed. */
let ownerDb: Database;
let tenantTables: string[];
let northwind: string;
let blueHarbor: string;

/** Runs queries as the application role, the way the API connects. */
async function asApplication<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createScratchDatabase(inject('databaseUrl'));
  appUrl = await setUpTestDatabase(database.url);
  db = createDatabase({ url: appUrl, poolSize: 2 });
  ownerDb = createDatabase({ url: database.url, poolSize: 2 });
  await seed(ownerDb);
  const tenants = await query<{ id: string; slug: string }>(database.url, 'select id, slug from tenants');
  northwind = tenants.find((t) => t.slug === 'northwind-social')?.id ?? '';
  blueHarbor = tenants.find((t) => t.slug === 'blue-harbor-agency')?.id ?? '';
  // Every table of the schema that has a tenant_id column, found in the catalog, not listed by hand.
  tenantTables = (
    await query<{ table_name: string }>(
      database.url,
      "select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by 1",
    )
  ).map((r) => r.table_name);
  // Tables the seed leaves empty get a row per tenant, so they are tested with rows too.
  for (const tenantId of [northwind, blueHarbor]) {
    await ownerDb.withTenantTx(tenantId, async (tx) => {
      const campaign = await tx.campaign.findFirstOrThrow({ select: { id: true, clientId: true } });
      const user = await tx.user.findFirstOrThrow({ select: { id: true } });
      const scope = { tenantId, campaignId: campaign.id, clientId: campaign.clientId };
      await tx.reviewLink.create({
        data: {
          ...scope,
          reviewerName: 'Guest',
          tokenHash: `hash-of-${tenantId}`,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      await tx.notification.create({ data: { tenantId, userId: user.id, kind: 'CLIENT_ANSWERED' } });
      const round = await tx.reviewRound.create({ data: { ...scope, answeredAt: new Date() } });
      await tx.brandFeedbackRun.create({
        data: { tenantId, clientId: campaign.clientId, reviewRoundId: round.id, proposals: 0 },
      });
      await tx.brandProposal.create({
        data: {
          tenantId,
          clientId: campaign.clientId,
          kind: 'always',
          text: 'Name the farm',
          dedupKey: 'always:name the farm',
          confidence: 0.5,
          evidence: { ideaIds: [], commentIds: [], occurrences: 2, lines: [] },
          source: 'model',
          fromRoundId: round.id,
        },
      });
      await tx.liveEvent.create({
        data: {
          tenantId,
          campaignId: campaign.id,
          clientId: campaign.clientId,
          clientVisible: false,
          type: 'generation.progress',
          data: {},
        },
      });
      await tx.notificationPreference.create({
        data: { tenantId, userId: user.id, kind: 'CLIENT_ANSWERED', delivery: 'DIGEST' },
      });
      await tx.calendarFeed.create({ data: { tenantId, userId: user.id, tokenHash: `feed-of-${tenantId}` } });
      await tx.emailMessage.create({
        data: {
          tenantId,
          kind: 'test',
          recipient: 'someone@example.test',
          subject: 'Hi',
          html: '<p>Hi</p>',
          text: 'Hi',
        },
      });
    });
  }
});

afterAll(async () => {
  await db.disconnect();
  await ownerDb.disconnect();
  await database.drop();
});

describe('row-level security', () => {
  it('covers every table that has a tenant_id', async () => {
    expect(tenantTables).toEqual([
      'activity_events',
      'brand_feedback_runs',
      'brand_profile_versions',
      'brand_proposals',
      'calendar_feeds',
      'campaigns',
      'clients',
      'comments',
      'email_messages',
      'generations',
      'idea_revisions',
      'ideas',
      'live_events',
      'notification_preferences',
      'notifications',
      'review_links',
      'review_rounds',
      'users',
    ]);
    const rows = await query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      database.url,
      'select relname, relrowsecurity, relforcerowsecurity from pg_class where relname = any($1)',
      [tenantTables],
    );
    expect(rows.every((r) => r.relrowsecurity && r.relforcerowsecurity)).toBe(true);
  });

  it('when no tenant is set, then the application role sees zero rows in every tenant table', async () => {
    await asApplication(async (client) => {
      for (const table of tenantTables) {
        const { rows } = await client.query(`select count(*)::int as n from ${table}`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
    });
  });

  it("when tenant A is set, then no table shows tenant B's rows, and A's rows are there", async () => {
    for (const [tenant, other] of [
      [northwind, blueHarbor],
      [blueHarbor, northwind],
    ] as const) {
      await asApplication(async (client) => {
        await client.query('begin');
        await client.query("select set_config('app.tenant_id', $1, true)", [tenant]);
        for (const table of tenantTables) {
          const { rows } = await client.query(
            `select count(*) filter (where tenant_id = $1)::int as own, count(*) filter (where tenant_id <> $1)::int as foreign from ${table}`,
            [tenant],
          );
          expect({ table, foreign: rows[0].foreign }).toEqual({ table, foreign: 0 });
          expect({ table, hasOwn: rows[0].own > 0 }).toEqual({ table, hasOwn: true });
        }
        const { rows } = await client.query('select count(*)::int as n from ideas where tenant_id = $1', [
          other,
        ]);
        expect(rows[0].n).toBe(0);
        await client.query('rollback');
      });
    }
  });

  it('when tenant A tries to write a row into tenant B, then the database refuses it', async () => {
    await asApplication(async (client) => {
      await client.query('begin');
      await client.query("select set_config('app.tenant_id', $1, true)", [northwind]);
      await expect(
        client.query("insert into clients (tenant_id, name) values ($1, 'Sneaky')", [blueHarbor]),
      ).rejects.toThrow(/row-level security/);
      await client.query('rollback');
    });
  });

  it('when the application role tries to bypass security, then it cannot', async () => {
    await asApplication(async (client) => {
      await expect(client.query('alter table ideas disable row level security')).rejects.toThrow(/owner/);
      await expect(client.query('delete from activity_events')).rejects.toThrow(/permission denied/);
    });
  });
});

describe('tenant guard (Prisma layer)', () => {
  it('when a tenant model is queried without a tenant, then the query is refused before it runs', async () => {
    await expect(db.client.idea.findMany()).rejects.toThrow(/needs a tenant/);
  });

  it("when scoped to tenant A, then a lookup of tenant B's row by id finds nothing", async () => {
    const [foreignIdea] = await query<{ id: string }>(
      database.url,
      'select id from ideas where tenant_id = $1 limit 1',
      [blueHarbor],
    );
    const found = await db.forTenant(northwind).idea.findUnique({ where: { id: foreignIdea?.id ?? '' } });
    expect(found).toBeNull();
  });

  it('when only the guard runs (no row-level security context), then queries are still confined to the tenant', async () => {
    // forTenant without withTenantTx: RLS alone would show nothing, the guard alone must not leak either.
    const ideas = await db.forTenant(northwind).idea.findMany({ select: { tenantId: true } });
    expect(ideas).toEqual([]);
  });

  it('when many tenant transactions start at once, then each is bound to its own tenant from its first query', async () => {
    const bound = (tx: { $queryRaw: (q: TemplateStringsArray) => Promise<unknown> }) =>
      tx.$queryRaw`select current_setting('app.tenant_id', true) as tenant` as Promise<[{ tenant: string }]>;
    // More transactions than the pool has connections, interleaved across both tenants.
    const tenants = Array.from({ length: 24 }, (_, i) => (i % 2 ? northwind : blueHarbor));
    const seen = await Promise.all(tenants.map((tenantId) => db.withTenantTx(tenantId, bound)));
    expect(seen.map(([row]) => row.tenant)).toEqual(tenants);
  });

  it('when a transaction starts inside a tenant transaction, then it does not inherit the tenant', async () => {
    const inner = await db.withTenantTx(northwind, () =>
      db.withPlatformTx(
        (tx) =>
          tx.$queryRaw<[{ tenant: string | null }]>`select current_setting('app.tenant_id', true) as tenant`,
      ),
    );
    expect(inner[0].tenant ?? '').toBe('');
  });

  it('when a write names another tenant inside a tenant scope, then it is refused', async () => {
    await expect(
      db.withTenantTx(northwind, (tx) => tx.client.create({ data: { tenantId: blueHarbor, name: 'Nope' } })),
    ).rejects.toThrow(/names tenant/);
  });
});

describe('seed', () => {
  it('when run again, then it creates nothing and changes nothing', async () => {
    const before = await query<{ n: number }>(
      database.url,
      'select (select count(*) from users) + (select count(*) from ideas) + (select count(*) from comments) as n',
    );
    const result = await seed(ownerDb);
    const after = await query<{ n: number }>(
      database.url,
      'select (select count(*) from users) + (select count(*) from ideas) + (select count(*) from comments) as n',
    );
    expect(result.tenantsCreated).toEqual([]);
    expect(after).toEqual(before);
  });

  it('creates the demo users with their roles', async () => {
    const users = await query<{ email: string; role: string; status: string }>(
      database.url,
      'select email, role, status from users order by email',
    );
    expect(users).toEqual(
      expect.arrayContaining([
        { email: 'admin@muse.test', role: 'PLATFORM_ADMIN', status: 'ACTIVE' },
        { email: 'owner@northwind.test', role: 'AGENCY_ADMIN', status: 'ACTIVE' },
        { email: 'member@northwind.test', role: 'AGENCY_MEMBER', status: 'ACTIVE' },
        { email: 'client@acme-coffee.test', role: 'CLIENT', status: 'ACTIVE' },
        { email: 'client@bloom-fitness.test', role: 'CLIENT', status: 'ACTIVE' },
        { email: 'owner@blueharbor.test', role: 'AGENCY_ADMIN', status: 'ACTIVE' },
        { email: 'client@harborbooks.test', role: 'CLIENT', status: 'ACTIVE' },
      ]),
    );
    const statuses = await query<{ status: string }>(database.url, 'select distinct status from ideas');
    expect(statuses.length).toBeGreaterThanOrEqual(5);
  });

  it('puts every idea the client was shown in its campaign’s review round, open with a reminder owed while one waits', async () => {
    const ideas = await query<{ status: string; review_round_id: string | null }>(
      database.url,
      'select status, review_round_id from ideas where sent_version is not null',
    );
    expect(ideas.length).toBeGreaterThan(0);
    expect(ideas.filter((idea) => idea.review_round_id === null)).toEqual([]);
    const rounds = await query<{ waiting: number; open: boolean; reminder_owed: boolean }>(
      database.url,
      `select count(*) filter (where i.status = 'PENDING_CLIENT')::int as waiting,
              r.answered_at is null as open, r.next_reminder_at is not null as reminder_owed
         from review_rounds r join ideas i on i.review_round_id = r.id
        group by r.id`,
    );
    expect(rounds.length).toBeGreaterThan(0);
    for (const round of rounds) {
      expect({ open: round.open, reminder_owed: round.reminder_owed }).toEqual({
        open: round.waiting > 0,
        reminder_owed: round.waiting > 0,
      });
    }
  });

  it('when the activity feed reads the seeded audit log, then every event matches the catalog', async () => {
    const events = await auditEventsAgainstCatalog(database.url);
    expect(events.count).toBeGreaterThan(0);
    expect(events.outside).toEqual([]);
  });
});
