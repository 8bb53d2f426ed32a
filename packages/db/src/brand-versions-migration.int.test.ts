import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from './migrate.ts';
import { migrationsBefore } from './migrations-before.ts';
import { createScratchDatabase, query } from './scratch-database.ts';

const BRAND_VERSIONS = '20261204181000_brand_profile_versions';

let database: { url: string; drop(): Promise<void> };
let before: ReturnType<typeof migrationsBefore>;
const tenantId = randomUUID();
const clientId = randomUUID();

beforeAll(async () => {
  database = await createScratchDatabase(inject('databaseUrl'));
  before = migrationsBefore(BRAND_VERSIONS);
  await migrate(database.url, { dir: before.dir });
  await query(database.url, "insert into tenants (id, name, slug) values ($1, 'Agency', 'agency')", [
    tenantId,
  ]);
  await query(
    database.url,
    `insert into clients (id, tenant_id, name, brand_voice, tone_keywords, dont_list, platforms, created_at)
     values ($1, $2, 'Acme', 'Warm', '{bold,kind}', '{cheap}', '{INSTAGRAM,TIKTOK}', '2026-01-02T03:04:05Z')`,
    [clientId, tenantId],
  );
  await migrate(database.url);
});

afterAll(async () => {
  await database.drop();
  before.remove();
});

describe('the brand profile versions migration', () => {
  it('gives every existing client its profile as version 1, made by the system when the client was', async () => {
    const rows = await query<{
      client_id: string;
      number: number;
      snapshot: unknown;
      created_by_id: string | null;
      created_at: Date;
    }>(
      database.url,
      'select client_id, number, snapshot, created_by_id, created_at from brand_profile_versions',
    );
    expect(rows).toEqual([
      {
        client_id: clientId,
        number: 1,
        snapshot: {
          name: 'Acme',
          industry: '',
          website: null,
          brandVoice: 'Warm',
          toneKeywords: ['bold', 'kind'],
          targetAudience: '',
          doList: [],
          dontList: ['cheap'],
          defaultHashtags: [],
          platforms: ['INSTAGRAM', 'TIKTOK'],
          // Added by the brand proposals migration that follows: versions made before had no limits.
          captionMaxChars: {},
        },
        created_by_id: null,
        created_at: new Date('2026-01-02T03:04:05Z'),
      },
    ]);
    const [client] = await query<{ brand_version: number }>(
      database.url,
      'select brand_version from clients',
    );
    expect(client?.brand_version).toBe(1);
  });

  it('leaves row-level security forced on the clients and on the new table', async () => {
    const rows = await query<{ relname: string; relforcerowsecurity: boolean }>(
      database.url,
      "select relname, relforcerowsecurity from pg_class where relname in ('clients', 'brand_profile_versions') order by 1",
    );
    expect(rows).toEqual([
      { relname: 'brand_profile_versions', relforcerowsecurity: true },
      { relname: 'clients', relforcerowsecurity: true },
    ]);
  });
});
