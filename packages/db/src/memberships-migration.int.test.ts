import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from './migrate.ts';
import { migrationsBefore } from './migrations-before.ts';
import { createScratchDatabase, query } from './scratch-database.ts';

const MEMBERSHIPS = '20261202180000_memberships';

let database: { url: string; drop(): Promise<void> };
let before: ReturnType<typeof migrationsBefore>;
const tenantA = randomUUID();
const tenantB = randomUUID();

beforeAll(async () => {
  database = await createScratchDatabase(inject('databaseUrl'));
  before = migrationsBefore(MEMBERSHIPS);
  await migrate(database.url, { dir: before.dir });
  // Data of that time: emails and subjects were unique across the platform.
  await query(
    database.url,
    "insert into tenants (id, name, slug) values ($1, 'Agency A', 'agency-a'), ($2, 'Agency B', 'agency-b')",
    [tenantA, tenantB],
  );
  await query(
    database.url,
    `insert into users (tenant_id, role, email, name, status, auth_subject) values
       ($1, 'AGENCY_ADMIN', 'ana@example.test', 'Ana', 'ACTIVE', 'local|ana'),
       ($2, 'AGENCY_MEMBER', 'ben@example.test', 'Ben', 'INVITED', null),
       (null, 'PLATFORM_ADMIN', 'ops@example.test', 'Ops', 'ACTIVE', 'local|ops')`,
    [tenantA, tenantB],
  );
  await migrate(database.url);
});

afterAll(async () => {
  await database.drop();
  before.remove();
});

describe('the memberships migration', () => {
  it('keeps every user row as it was: a membership, an open invitation, a platform admin', async () => {
    const rows = await query<{ email: string; status: string; auth_subject: string | null }>(
      database.url,
      'select email, status, auth_subject from users order by email',
    );
    expect(rows).toEqual([
      { email: 'ana@example.test', status: 'ACTIVE', auth_subject: 'local|ana' },
      { email: 'ben@example.test', status: 'INVITED', auth_subject: null },
      { email: 'ops@example.test', status: 'ACTIVE', auth_subject: 'local|ops' },
    ]);
  });

  it('lets one person (email and identity) be a member of a second agency', async () => {
    await query(
      database.url,
      `insert into users (tenant_id, role, email, name, status, auth_subject)
       values ($1, 'AGENCY_MEMBER', 'ana@example.test', 'Ana', 'ACTIVE', 'local|ana')`,
      [tenantB],
    );
    const [row] = await query<{ n: number }>(
      database.url,
      "select count(*)::int as n from users where auth_subject = 'local|ana'",
    );
    expect(row?.n).toBe(2);
  });

  it('still refuses the same email or identity twice in one agency, and among platform admins', async () => {
    const insert = (tenant: string | null, email: string, subject: string | null) =>
      query(
        database.url,
        `insert into users (tenant_id, role, email, name, status, auth_subject)
         values ($1, $2, $3, 'Again', 'ACTIVE', $4)`,
        [tenant, tenant ? 'AGENCY_MEMBER' : 'PLATFORM_ADMIN', email, subject],
      );
    await expect(insert(tenantA, 'ana@example.test', 'local|other')).rejects.toThrow(
      /users_tenant_id_email_key/,
    );
    await expect(insert(tenantA, 'new@example.test', 'local|ana')).rejects.toThrow(
      /users_tenant_id_auth_subject_key/,
    );
    await expect(insert(null, 'ops@example.test', 'local|ops2')).rejects.toThrow(/users_platform_email_key/);
    await expect(insert(null, 'ops2@example.test', 'local|ops')).rejects.toThrow(
      /users_platform_auth_subject_key/,
    );
  });
});
