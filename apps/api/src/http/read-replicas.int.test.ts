import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '@muse/db';
import { type EmbeddedPostgres, startEmbeddedPostgres, startEmbeddedReplica } from '@muse/db/embedded';
import { setUpTestDatabase } from '@muse/db/test-database';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { bearer, makeAgency, makeClient, unique } from '../test/factories.ts';
import { createTestDatabase } from '../test/owner-database.ts';
import { startTestApp, TEST_METRICS_TOKEN, type TestApp } from '../test/test-app.ts';

// A primary of this file's own with a real streaming replica of it: the shared test server
// keeps its WAL to itself.
const MAX_LAG_MS = 3000;
const READ_YOUR_WRITES_MS = 3000;

let primary: EmbeddedPostgres;
let replica: EmbeddedPostgres;
let db: Database;
let api: TestApp;
/** The replica's superuser: replay control is its only, and it reads past row-level security. */
let replicaOwner: Database;

beforeAll(async () => {
  primary = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `muse-replicas-${randomBytes(6).toString('hex')}`),
    port: 0,
    database: 'muse_test',
    ephemeral: true,
  });
  const appUrl = await setUpTestDatabase(primary.url);
  replica = await startEmbeddedReplica({ primary, ephemeral: true });
  const replicaAppUrl = new URL(appUrl);
  replicaAppUrl.port = String(replica.port);
  db = createTestDatabase(appUrl, 4, {
    ownerUrl: primary.url,
    replicas: {
      urls: [replicaAppUrl.toString()],
      maxLagMs: MAX_LAG_MS,
      readYourWritesMs: READ_YOUR_WRITES_MS,
      probeIntervalMs: 100,
    },
  });
  replicaOwner = createDatabase({ url: replica.url, poolSize: 1 });
  api = await startTestApp({ db, env: { DATABASE_URL: appUrl } });
  await until(() => db.replicas.replicas[0]?.healthy === true);
}, 90_000);

afterAll(async () => {
  await api?.close();
  await db?.disconnect();
  await replicaOwner?.disconnect();
  await replica?.stop();
  await primary?.stop();
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

const reads = () => db.replicas.readCounts();
const getClient = async (user: { authSubject: string | null }, id: string) =>
  (await api.http.get(`/api/clients/${id}`).set('Authorization', await bearer(user))).status;

describe('reads on a streaming replica', () => {
  it('when the replica keeps up, then list and detail reads run there, in the tenant only', async () => {
    const { tenant, member, client } = await makeAgency(db);
    const other = await makeAgency(db);
    // The replica's lag as a reader sees it: from the commit on the primary to the row on the replica.
    const written = await makeClient(db, tenant);
    const lagMs = await until(() => replicaHas(written.id));
    console.info(`replica lag: ${lagMs.toFixed(1)} ms (probe: ${db.replicas.replicas[0]?.lagMs} ms)`);
    expect(lagMs).toBeLessThan(MAX_LAG_MS);

    const before = reads();
    const list = await api.http.get('/api/clients').set('Authorization', await bearer(member));
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual([client.id, written.id].sort());
    expect(await getClient(member, client.id)).toBe(200);
    // Row-level security and the guard hold on the replica's connections too.
    expect(await getClient(other.member, client.id)).toBe(404);
    expect(reads().replica - before.replica).toBe(3);
    expect(reads().primary).toBe(before.primary);
  });

  it('when replay is paused, then a new row is not seen by others but is by its writer, until the lag passes the bound', async () => {
    const { tenant, member, admin } = await makeAgency(db);
    // The lag is the age of the last replayed commit: start from a fresh one.
    const fresh = await makeClient(db, tenant);
    await until(() => replicaHas(fresh.id));
    const resume = async () => {
      await replicaOwner.client.$executeRaw`select pg_wal_replay_resume()`;
    };
    await replicaOwner.client.$executeRaw`select pg_wal_replay_pause()`;
    onTestFinished(resume);
    const created = await api.http
      .post('/api/clients')
      .set('Authorization', await bearer(member))
      .send({ name: unique('Brand'), platforms: ['X'] });
    expect(created.status).toBe(201);
    const wroteAt = performance.now();
    // Read-your-writes: the writer reads the primary; a colleague still reads the stale replica.
    expect(await getClient(member, created.body.id)).toBe(200);
    expect(await getClient(admin, created.body.id)).toBe(404);
    // Lagging past the bound, the replica is skipped for everyone.
    await until(() => db.replicas.replicas[0]?.healthy === false, MAX_LAG_MS + 3000);
    expect(await getClient(admin, created.body.id)).toBe(200);
    await resume();
    await until(() => db.replicas.replicas[0]?.healthy === true);
    // Past the window, the writer's reads go back to the replica, which has its row by now.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, wroteAt + READ_YOUR_WRITES_MS - performance.now())),
    );
    const before = reads();
    expect(await getClient(member, created.body.id)).toBe(200);
    expect(reads().replica - before.replica).toBe(1);
  });

  it('when a read tries to write, then it fails loudly on the replica and on the primary alike', async () => {
    const { tenant } = await makeAgency(db);
    const write = (tx: Parameters<Parameters<Database['withTenantRead']>[1]>[0]) =>
      tx.client.create({ data: { tenantId: tenant.id, name: unique('Nope'), platforms: ['X'] } });
    await expect(db.withTenantRead(tenant.id, write)).rejects.toThrow(/read-only transaction/);
    db.noteWrite('writer');
    await expect(db.withTenantRead(tenant.id, write, { reader: 'writer' })).rejects.toThrow(
      /read-only transaction/,
    );
  });

  it('when the replica is lost, then reads go on from the primary without an error, and /metrics shows where reads ran', async () => {
    const { tenant, member, client } = await makeAgency(db);
    await until(() => replicaHas(client.id));
    await replicaOwner.disconnect();
    await replica.stop();
    const before = reads();
    // As if no probe had run since the loss: the read picks the replica, fails there, runs on the primary.
    const lost = db.replicas.replicas[0] as (typeof db.replicas.replicas)[number];
    lost.healthy = true;
    const rows = await db.withTenantRead(tenant.id, (tx) => tx.client.findMany({ select: { id: true } }));
    expect(rows).toEqual([{ id: client.id }]);
    expect(lost.healthy).toBe(false);
    expect(await getClient(member, client.id)).toBe(200);
    const list = await api.http.get('/api/clients').set('Authorization', await bearer(member));
    expect(list.status).toBe(200);
    expect(reads().primary - before.primary).toBe(3);
    expect(reads().replica).toBe(before.replica);

    const metrics = await api.http.get('/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`);
    const { primary: onPrimary, replica: onReplicaCount } = reads();
    expect(metrics.text).toContain(`db_tenant_reads_total{target="replica"} ${onReplicaCount}`);
    expect(metrics.text).toContain(`db_tenant_reads_total{target="primary"} ${onPrimary}`);
    const share = (100 * onReplicaCount) / (onPrimary + onReplicaCount);
    console.info(
      `reads served by the replica: ${onReplicaCount} of ${onPrimary + onReplicaCount} (${share.toFixed(0)}%)`,
    );
  });
});

/** Whether the replica has replayed the client row yet. */
async function replicaHas(clientId: string): Promise<boolean> {
  const rows = await replicaOwner.client.$queryRaw<
    unknown[]
  >`select 1 from clients where id = ${clientId}::uuid`;
  return rows.length === 1;
}
