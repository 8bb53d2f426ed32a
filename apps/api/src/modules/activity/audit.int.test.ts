import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { type AuditEntry, audit } from './audit.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const eventsOf = (tenantId: string) =>
  api.db.withTenantTx(tenantId, (tx) =>
    tx.activityEvent.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  );

describe('audit', () => {
  it('when entries are recorded together, then they list in the order given, each with the entity type of its action', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const ideaId = randomUUID();
    const commentId = randomUUID();
    await api.db.withTenantTx(tenant.id, (tx) =>
      audit(tx, tenant.id, { userId: admin.id }, [
        {
          entityId: ideaId,
          action: 'idea.edited',
          data: { title: 'T', version: 2, changedFields: ['hook'] },
        },
        { entityId: ideaId, action: 'idea.commented', data: { title: 'T', commentId, visibility: 'CLIENT' } },
      ]),
    );
    const events = await eventsOf(tenant.id);
    expect(events.map(({ action, entityType, actorId }) => ({ action, entityType, actorId }))).toEqual([
      { action: 'idea.edited', entityType: 'idea', actorId: admin.id },
      { action: 'idea.commented', entityType: 'idea', actorId: admin.id },
    ]);
  });

  it('when the data is not what the catalog says of the action, then it throws and the transaction writes nothing', async () => {
    const { tenant } = await makeAgency(api.db);
    const stray = {
      entityId: randomUUID(),
      action: 'client.archived',
      data: { name: 'Acme', reason: 'unpaid' },
    } as unknown as AuditEntry;
    await expect(
      api.db.withTenantTx(tenant.id, (tx) => audit(tx, tenant.id, { userId: null }, stray)),
    ).rejects.toThrow();
    expect(await eventsOf(tenant.id)).toEqual([]);
  });
});
