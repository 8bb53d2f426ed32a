import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEventsAgainstCatalog } from './audit-catalog-check.ts';
import { createDatabase } from './client.ts';
import { MIGRATIONS_DIR, migrate } from './migrate.ts';
import { createScratchDatabase, query } from './scratch-database.ts';
import { seed } from './seed/seed.ts';

const SEEDED_AUDIT_DATA = '20261203080000_seeded_audit_data';

let database: { url: string; drop(): Promise<void> };
/** A status change the services wrote, with every field: the migration must leave it alone. */
let serviceEventData: unknown;

beforeAll(async () => {
  database = await createScratchDatabase(inject('databaseUrl'));
  await migrate(database.url);
  const owner = createDatabase({ url: database.url, poolSize: 1 });
  await seed(owner);
  await owner.disconnect();
  // The demo data as the earlier seed wrote it: events without their data, ideas without a run or a sent version.
  await query(
    database.url,
    `update activity_events set data = '{}'
      where action in ('client.created', 'campaign.created', 'idea.generated')`,
  );
  await query(
    database.url,
    `update activity_events set data = jsonb_build_object('from', data->'from', 'to', data->'to')
      where action = 'idea.status_changed'`,
  );
  await query(database.url, 'update ideas set generation_id = null, sent_version = null');
  await query(database.url, 'delete from generations');
  const [event] = await query<{ id: string; data: unknown }>(
    database.url,
    "select id, data from activity_events where action = 'idea.status_changed' limit 1",
  );
  serviceEventData = {
    title: 'Written by the service',
    from: 'GENERATED',
    to: 'PENDING_CLIENT',
    version: 3,
    round: 2,
  };
  await query(database.url, 'update activity_events set data = $2 where id = $1', [
    event?.id,
    JSON.stringify(serviceEventData),
  ]);
  // The seed writes the schema of today, so the migration's SQL runs again on the data it left.
  await query(
    database.url,
    fs.readFileSync(path.join(MIGRATIONS_DIR, SEEDED_AUDIT_DATA, 'migration.sql'), 'utf8'),
  );
});

afterAll(async () => {
  await database.drop();
});

describe('the seeded audit data migration', () => {
  it('completes every event of the earlier seed so that the activity feed can read it', async () => {
    const events = await auditEventsAgainstCatalog(database.url);
    expect(events.count).toBeGreaterThan(0);
    expect(events.outside).toEqual([]);
  });

  it("names the client, campaign and idea an event is about, from that entity's row", async () => {
    const [client] = await query<{ data: unknown; name: string }>(
      database.url,
      `select e.data, c.name from activity_events e join clients c on c.id = e.entity_id
        where e.action = 'client.created' and c.name = 'Acme Coffee'`,
    );
    expect(client?.data).toMatchObject({ name: 'Acme Coffee' });
    const [idea] = await query<{ data: { title: string }; title: string }>(
      database.url,
      `select e.data, i.title from activity_events e join ideas i on i.id = e.entity_id
        where e.action = 'idea.status_changed' and e.data->>'title' <> 'Written by the service' limit 1`,
    );
    expect(idea?.data.title).toBe(idea?.title);
  });

  it('gives each campaign whose ideas had no run one finished run, and links the ideas and their events to it', async () => {
    const runs = await query<{ campaign_id: string; status: string; produced_count: number; ideas: number }>(
      database.url,
      `select g.campaign_id, g.status, g.produced_count, count(i.id)::int as ideas
         from generations g left join ideas i on i.generation_id = g.id group by g.id`,
    );
    const [campaigns] = await query<{ n: number }>(
      database.url,
      'select count(distinct campaign_id)::int as n from ideas',
    );
    expect(runs).toHaveLength(campaigns?.n ?? -1);
    for (const run of runs) {
      expect(run.status).toBe('SUCCEEDED');
      expect(run.produced_count).toBe(run.ideas);
    }
    const [unlinked] = await query<{ n: number }>(
      database.url,
      `select count(*)::int as n from activity_events e join ideas i on i.id = e.entity_id
        where e.action = 'idea.generated' and e.data->>'generationId' <> i.generation_id::text`,
    );
    expect(unlinked?.n).toBe(0);
  });

  it('gives every idea the client was shown the version it was shown, and no other idea one', async () => {
    const ideas = await query<{ status: string; sent_version: number | null }>(
      database.url,
      'select status, sent_version from ideas',
    );
    for (const idea of ideas) {
      const shown = ['PENDING_CLIENT', 'CLIENT_APPROVED', 'CHANGES_REQUESTED', 'CLIENT_REJECTED'].includes(
        idea.status,
      );
      expect(idea.sent_version).toBe(shown ? 1 : null);
    }
  });

  it('leaves an event that already has its data as it was', async () => {
    const [event] = await query<{ n: number }>(
      database.url,
      `select count(*)::int as n from activity_events where data = $1::jsonb`,
      [JSON.stringify(serviceEventData)],
    );
    expect(event?.n).toBe(1);
  });

  it('leaves row-level security forced on every table it touched', async () => {
    const tables = await query<{ relname: string; relforcerowsecurity: boolean }>(
      database.url,
      `select relname, relforcerowsecurity from pg_class
        where relname in ('activity_events', 'clients', 'campaigns', 'ideas', 'idea_revisions', 'generations')`,
    );
    expect(tables).toHaveLength(6);
    expect(tables.every((table) => table.relforcerowsecurity)).toBe(true);
  });
});
