import pg from 'pg';

/**
 * A large, realistic-shaped data set loaded with set-based SQL (generate_series), as the
 * database owner. Each tenant gets one agency admin, clients, campaigns and ideas spread over
 * the review workflow's statuses.
 */

export interface DatasetShape {
  tenants: number;
  ideasPerTenant: number;
  clientsPerTenant: number;
  campaignsPerClient: number;
}

export interface BenchTenant {
  id: string;
  adminEmail: string;
  campaignIds: string[];
}

const STATUSES = [
  'GENERATED',
  'PENDING_CLIENT',
  'CHANGES_REQUESTED',
  'CLIENT_APPROVED',
  'AGENCY_REJECTED',
  'CLIENT_REJECTED',
];

export function adminEmailOf(tenantNumber: number): string {
  return `admin-${tenantNumber}@bench.test`;
}

/** Adds tenants numbered from `firstTenant` (1-based) on; returns how long it took. */
export async function loadTenants(url: string, shape: DatasetShape, firstTenant = 1): Promise<number> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const last = firstTenant + shape.tenants - 1;
  try {
    await client.query('begin');
    await client.query(
      `insert into tenants (name, slug, monthly_token_quota)
       select 'Bench Agency ' || n, 'bench-' || n, 100000000 from generate_series($1::int, $2::int) n`,
      [firstTenant, last],
    );
    await client.query(
      `insert into users (tenant_id, role, email, name, auth_subject, status)
       select t.id, 'AGENCY_ADMIN', 'admin-' || n || '@bench.test', 'Bench Admin ' || n, 'local:admin-' || n || '@bench.test', 'ACTIVE'
       from generate_series($1::int, $2::int) n join tenants t on t.slug = 'bench-' || n`,
      [firstTenant, last],
    );
    await client.query(
      `insert into clients (tenant_id, name, industry, brand_voice, tone_keywords, platforms)
       select t.id, 'Client ' || c, 'Retail', 'Friendly and clear.', array['friendly','clear'], array['INSTAGRAM','TIKTOK','LINKEDIN']::"Platform"[]
       from generate_series($1::int, $2::int) n join tenants t on t.slug = 'bench-' || n
       cross join generate_series(1, $3::int) c`,
      [firstTenant, last, shape.clientsPerTenant],
    );
    await client.query(
      `insert into campaigns (tenant_id, client_id, name, brief, platforms, num_posts, num_reels, status, created_at)
       select cl.tenant_id, cl.id, cl.name || ' campaign ' || k, 'Seasonal launch.', array['INSTAGRAM','TIKTOK']::"Platform"[], 10, 5, 'ACTIVE',
              now() - make_interval(mins => k)
       from clients cl join tenants t on t.id = cl.tenant_id
       cross join generate_series(1, $3::int) k
       where t.slug = any (select 'bench-' || n from generate_series($1::int, $2::int) n)`,
      [firstTenant, last, shape.campaignsPerClient],
    );
    // Ideas go round-robin over each tenant's campaigns.
    await client.query(
      `with per_tenant as (
         select c.tenant_id, array_agg(c.id order by c.id) as campaign_ids
         from campaigns c join tenants t on t.id = c.tenant_id
         where t.slug = any (select 'bench-' || n from generate_series($1::int, $2::int) n)
         group by c.tenant_id
       )
       insert into ideas (tenant_id, campaign_id, type, platform, title, hook, caption, hashtags, call_to_action, status, created_at)
       select pt.tenant_id, pt.campaign_ids[1 + i % array_length(pt.campaign_ids, 1)],
              (case when i % 3 = 0 then 'REEL' else 'POST' end)::"IdeaType",
              (case when i % 2 = 0 then 'INSTAGRAM' else 'TIKTOK' end)::"Platform",
              'Idea ' || i, 'A hook that stops the scroll ' || i,
              'A caption long enough to look like a real one, with a story, a point and a call to action. ' || i,
              array['#bench', '#idea' || (i % 50)], 'Shop now',
              ($4::text[])[1 + i % array_length($4::text[], 1)]::"IdeaStatus",
              now() - make_interval(secs => i)
       from per_tenant pt cross join generate_series(0, $3::int - 1) i`,
      [firstTenant, last, shape.ideasPerTenant, STATUSES],
    );
    // The review history the approval figures read: a sending for every idea the client has
    // seen, and an answer for the answered, spread over the last twelve weeks.
    await client.query(
      `with sent as (
         select i.tenant_id, i.id, i.title, i.status, u.id as answerer_id,
                now() - make_interval(hours => 1 + abs(hashtext(i.id::text)) % 2000) as sent_at,
                make_interval(mins => 5 + abs(hashtext(i.id::text)) % 600) as answered_after
         from ideas i join tenants t on t.id = i.tenant_id join users u on u.tenant_id = t.id
         where t.slug = any (select 'bench-' || n from generate_series($1::int, $2::int) n)
           and i.status in ('PENDING_CLIENT', 'CHANGES_REQUESTED', 'CLIENT_APPROVED', 'CLIENT_REJECTED')
       )
       insert into activity_events (tenant_id, actor_id, entity_type, entity_id, action, data, created_at)
       select tenant_id, null, 'idea', id, 'idea.status_changed',
              jsonb_build_object('title', title, 'from', 'GENERATED', 'to', 'PENDING_CLIENT', 'version', 1, 'round', 1),
              sent_at
       from sent
       union all
       select tenant_id, answerer_id, 'idea', id, 'idea.status_changed',
              jsonb_build_object('title', title, 'from', 'PENDING_CLIENT', 'to', status::text, 'version', 1, 'round', 1),
              sent_at + answered_after
       from sent where status <> 'PENDING_CLIENT'`,
      [firstTenant, last],
    );
    await client.query('commit');
    await client.query('analyze');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return Date.now() - started;
}

/** One tenant's ids, for building requests. */
export async function benchTenant(url: string, tenantNumber: number): Promise<BenchTenant> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; campaign_ids: string[] }>(
      `select t.id, array_agg(c.id order by c.created_at desc) as campaign_ids
       from tenants t join campaigns c on c.tenant_id = t.id where t.slug = $1 group by t.id`,
      [`bench-${tenantNumber}`],
    );
    const row = rows[0];
    if (!row) throw new Error(`bench tenant ${tenantNumber} is missing`);
    return { id: row.id, adminEmail: adminEmailOf(tenantNumber), campaignIds: row.campaign_ids };
  } finally {
    await client.end();
  }
}
