import { randomBytes } from 'node:crypto';
import type { TenantTx } from '@muse/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeClient,
  makeIdea,
  makeTenant,
  type TestCampaign,
  type TestIdea,
  type TestUser,
} from './factories.ts';
import { asOwner, captureSql, explainAll, planNodes, type Statement } from './sql-capture.ts';
import { startTestApp, type TestApp } from './test-app.ts';

/*
 * The list routes against a database with thousands of rows in many tenants: every statement
 * they run is planned on an index (no sequential scan of a tenant table; ideas and campaigns on
 * an index led by tenant_id), and a page costs the same number of statements whatever its size.
 */

const TENANT_TABLES = [
  'users',
  'clients',
  'campaigns',
  'generations',
  'ideas',
  'idea_revisions',
  'comments',
  'activity_events',
];
const IDEA_STATUSES = `array['GENERATED','AGENCY_REJECTED','PENDING_CLIENT','CHANGES_REQUESTED','CLIENT_APPROVED','CLIENT_REJECTED']`;

let api: TestApp;
let agency: Awaited<ReturnType<typeof makeAgency>>;
let big: TestCampaign;
let busyIdea: TestIdea;

/** Another agency's data: 400 campaigns, 400 generations, 800 ideas with revisions, comments, activity, 100 users and clients. */
async function loadNeighbour(index: number) {
  const tenant = await makeTenant(api.db);
  const client = await makeClient(api.db, tenant);
  const suffix = randomBytes(4).toString('hex');
  await api.db.withTenantTx(tenant.id, async (tx) => {
    const t = tenant.id;
    await tx.$executeRawUnsafe(
      `insert into clients (tenant_id, name, platforms)
       select $1::uuid, 'Brand ' || g, '{INSTAGRAM}' from generate_series(1, 100) g`,
      t,
    );
    await tx.$executeRawUnsafe(
      `insert into campaigns (tenant_id, client_id, name, platforms, num_posts, status, created_at)
       select $1::uuid, $2::uuid, 'Campaign ' || g, '{INSTAGRAM}', 3,
              (array['DRAFT','ACTIVE','COMPLETED','ARCHIVED'])[1 + g % 4]::"CampaignStatus",
              now() - g * interval '1 minute'
         from generate_series(1, 400) g`,
      t,
      client.id,
    );
    await tx.$executeRawUnsafe(
      `insert into generations (tenant_id, campaign_id, status, model)
       select $1::uuid, c.ids[1 + g % 4], 'SUCCEEDED', 'gpt-4.1-mini'
         from generate_series(1, 400) g,
              (select array_agg(id) as ids from (select id from campaigns where tenant_id = $1::uuid limit 4) x) c`,
      t,
    );
    await tx.$executeRawUnsafe(
      `insert into ideas (tenant_id, campaign_id, generation_id, type, platform, title, status, created_at)
       select $1::uuid, r.campaign_id, r.id, (array['POST','REEL'])[1 + g % 2]::"IdeaType", 'INSTAGRAM',
              'Idea ' || g, (${IDEA_STATUSES})[1 + g % 6]::"IdeaStatus", now() - g * interval '1 second'
         from generate_series(1, 800) g
         join (select id, campaign_id, row_number() over () as n from generations where tenant_id = $1::uuid) r
           on r.n = 1 + g % 400`,
      t,
    );
    await tx.$executeRawUnsafe(
      `insert into idea_revisions (tenant_id, idea_id, version, snapshot)
       select $1::uuid, id, 1, '{}' from ideas where tenant_id = $1::uuid`,
      t,
    );
    await tx.$executeRawUnsafe(
      `insert into comments (tenant_id, idea_id, body, visibility)
       select $1::uuid, id, 'A note', 'CLIENT' from ideas where tenant_id = $1::uuid`,
      t,
    );
    await tx.$executeRawUnsafe(
      `insert into activity_events (tenant_id, entity_type, entity_id, action, data)
       select $1::uuid, 'idea', id, 'idea.generated',
              jsonb_build_object('generationId', generation_id, 'templateVersion', 'post/v1')
         from ideas where tenant_id = $1::uuid
       union all
       select $1::uuid, 'campaign', id, 'campaign.created',
              jsonb_build_object('name', name, 'clientId', client_id, 'status', status)
         from campaigns where tenant_id = $1::uuid`,
      t,
    );
    await tx.$executeRawUnsafe(
      `insert into users (tenant_id, role, email, name, status)
       select $1::uuid, 'AGENCY_MEMBER', 'neighbour-' || $2 || '-' || g || '@example.test', 'Neighbour', 'INVITED'
         from generate_series(1, 100) g`,
      t,
      `${suffix}-${index}`,
    );
  });
}

/** The agency under test: 150 campaigns, one with 150 ideas each from its own generation, one busy idea. */
async function loadAgency() {
  agency = await makeAgency(api.db);
  const t = agency.tenant.id;
  await api.db.withTenantTx(t, (tx) =>
    tx.$executeRawUnsafe(
      `insert into campaigns (tenant_id, client_id, name, platforms, num_posts, status, created_at)
       select $1::uuid, $2::uuid, 'Campaign ' || g, '{INSTAGRAM}', 3,
              (array['DRAFT','ACTIVE','COMPLETED'])[1 + g % 3]::"CampaignStatus", now() - g * interval '1 hour'
         from generate_series(1, 150) g`,
      t,
      agency.client.id,
    ),
  );
  big = await makeCampaign(api.db, agency.tenant, agency.client);
  await api.db.withTenantTx(t, (tx) =>
    tx.$executeRawUnsafe(
      `with runs as (
         insert into generations (tenant_id, campaign_id, status, model, offline)
         select $1::uuid, $2::uuid, 'SUCCEEDED', case when n % 2 = 0 then 'offline-muse-1' else 'gpt-4.1-mini' end,
                n % 2 = 0
           from generate_series(1, 150) n
         returning id, offline)
       insert into ideas (tenant_id, campaign_id, generation_id, type, platform, title, status, offline_model, created_at)
       select $1::uuid, $2::uuid, id, 'POST', 'INSTAGRAM', 'Idea ' || n,
              (${IDEA_STATUSES})[1 + n % 6]::"IdeaStatus", offline, now() - n * interval '1 second'
         from (select id, offline, row_number() over () as n from runs) r`,
      t,
      big.id,
    ),
  );
  busyIdea = await makeIdea(api.db, big, { status: 'PENDING_CLIENT' });
  const authors = [agency.admin, agency.member, agency.contact];
  await api.db.withTenantTx(t, async (tx: TenantTx) => {
    for (let n = 0; n < 30; n += 1) {
      const author = authors[n % authors.length] as TestUser;
      await tx.comment.create({
        data: {
          tenantId: t,
          ideaId: busyIdea.id,
          authorId: author.id,
          body: `Note ${n}`,
          visibility: 'CLIENT',
        },
      });
      await tx.ideaRevision.create({
        data: { tenantId: t, ideaId: busyIdea.id, version: n + 2, snapshot: {}, editedById: author.id },
      });
      await tx.activityEvent.create({
        data: {
          tenantId: t,
          actorId: author.id,
          entityType: 'idea',
          entityId: busyIdea.id,
          action: 'idea.edited',
          data: { title: busyIdea.title, version: n + 2, changedFields: ['caption'] },
        },
      });
    }
  });
}

beforeAll(async () => {
  api = await startTestApp();
  for (let index = 0; index < 6; index += 1) await loadNeighbour(index);
  await loadAgency();
  await asOwner(inject('databaseUrl'), (client) => client.query(`analyze ${TENANT_TABLES.join(', ')}`));
}, 120_000);
afterAll(() => api.close());

/** The statements one request runs, after a first request has warmed the sign-in cache. */
async function statementsOf(user: TestUser, path: string, query: Record<string, string | number> = {}) {
  const authorization = await bearer(user);
  await api.http.get('/api/me').set('Authorization', authorization);
  const capture = captureSql();
  try {
    const res = await api.http.get(path).query(query).set('Authorization', authorization);
    expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
    return { body: res.body, statements: [...capture.statements] };
  } finally {
    capture.stop();
  }
}

const isQuery = (statement: Statement) =>
  /^\s*(select|with)\b/i.test(statement.text) && !/set_config/.test(statement.text);

describe('list queries at scale', () => {
  const requests = (): [string, TestUser, string, Record<string, string | number>][] => [
    ['campaigns, agency', agency.admin, '/api/campaigns', { limit: 50 }],
    [
      'campaigns by client and status',
      agency.member,
      '/api/campaigns',
      { clientId: agency.client.id, status: 'ACTIVE' },
    ],
    ['campaigns by status', agency.member, '/api/campaigns', { status: 'COMPLETED' }],
    ['campaigns, client contact', agency.contact, '/api/campaigns', { limit: 50 }],
    ['one campaign', agency.contact, `/api/campaigns/${big.id}`, {}],
    ['ideas of a campaign', agency.member, `/api/campaigns/${big.id}/ideas`, { limit: 50 }],
    ['ideas by status', agency.member, `/api/campaigns/${big.id}/ideas`, { status: 'PENDING_CLIENT' }],
    [
      'ideas by type and platform',
      agency.member,
      `/api/campaigns/${big.id}/ideas`,
      { type: 'POST', platform: 'INSTAGRAM' },
    ],
    ['ideas, client contact', agency.contact, `/api/campaigns/${big.id}/ideas`, { limit: 50 }],
    ['ideas export', agency.member, `/api/campaigns/${big.id}/ideas.csv`, {}],
    ['one idea', agency.contact, `/api/ideas/${busyIdea.id}`, {}],
    ['clients', agency.admin, '/api/clients', { q: 'brand' }],
    ['revisions', agency.member, `/api/ideas/${busyIdea.id}/revisions`, { limit: 20 }],
    ['comments, client contact', agency.contact, `/api/ideas/${busyIdea.id}/comments`, { limit: 20 }],
    ['activity of an idea', agency.admin, '/api/activity', { entityType: 'idea', entityId: busyIdea.id }],
    ['activity of the agency', agency.admin, '/api/activity', { limit: 50 }],
  ];

  it('when each list runs, then no statement scans a tenant table sequentially, and ideas and campaigns use an index led by tenant_id', async () => {
    const leading = new Map(
      (
        await asOwner(inject('databaseUrl'), (client) =>
          client.query<{ index: string; column: string }>(
            `select c.relname as index, a.attname as column
               from pg_index i
               join pg_class c on c.oid = i.indexrelid
               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
              where i.indrelid in ('ideas'::regclass, 'campaigns'::regclass)`,
          ),
        )
      ).rows.map((row) => [row.index, row.column]),
    );
    const report: string[] = [];
    for (const [name, user, path, query] of requests()) {
      const { statements } = await statementsOf(user, path, query);
      const plans = await explainAll(inject('databaseUrl'), agency.tenant.id, statements.filter(isQuery));
      expect(plans.length, name).toBeGreaterThan(0);
      const nodes = plans.flatMap(({ sql, plan }) => planNodes(plan).map((node) => ({ sql, node })));
      for (const { sql, node } of nodes) {
        const table = node['Relation Name'];
        if (table && TENANT_TABLES.includes(table))
          expect(node['Node Type'], `${name}: ${sql}`).not.toBe('Seq Scan');
        const index = node['Index Name'];
        // Ideas and campaigns (the indexes in `leading`): by-id lookups may use the primary key,
        // everything else an index led by tenant_id.
        if (index && leading.has(index) && !index.endsWith('_pkey')) {
          expect(leading.get(index), `${name}: ${index}`).toBe('tenant_id');
        }
      }
      const used = nodes
        .filter(
          ({ node }) =>
            node['Index Name'] || (node['Relation Name'] && TENANT_TABLES.includes(node['Relation Name'])),
        )
        .map(({ node }) => `${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`);
      report.push(`${name}: ${[...new Set(used)].join('; ')}`);
    }
    console.log(`query plans:\n  ${report.join('\n  ')}`);
  });

  it('when a page grows from 10 to 100 ideas, campaigns, comments or events, then it costs the same number of statements', async () => {
    const pages: [string, TestUser, string][] = [
      ['ideas', agency.member, `/api/campaigns/${big.id}/ideas`],
      ['campaigns', agency.admin, '/api/campaigns'],
      ['revisions', agency.member, `/api/ideas/${busyIdea.id}/revisions`],
      ['comments', agency.member, `/api/ideas/${busyIdea.id}/comments`],
      ['activity', agency.admin, '/api/activity'],
    ];
    const counts: string[] = [];
    for (const [name, user, path] of pages) {
      const small = await statementsOf(user, path, { limit: 10 });
      const large = await statementsOf(user, path, { limit: 100 });
      expect(large.body.items.length, name).toBeGreaterThan(small.body.items.length);
      expect(large.statements.length, name).toBe(small.statements.length);
      counts.push(
        `${name}: ${small.body.items.length} → ${large.body.items.length} items, ${large.statements.length} statements`,
      );
    }
    const ideas = await statementsOf(agency.member, `/api/campaigns/${big.id}/ideas`, { limit: 100 });
    expect(ideas.body.items).toHaveLength(100);
    expect(ideas.body.items.filter((idea: { offlineModel: boolean }) => idea.offlineModel).length).toBe(50);
    // begin, tenant scope, the ideas, commit.
    expect(ideas.statements).toHaveLength(4);
    console.log(`statements per page:\n  ${counts.join('\n  ')}`);
  });
});
