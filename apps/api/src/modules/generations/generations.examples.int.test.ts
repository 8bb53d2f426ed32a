import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeCampaign, makeClient, makeIdea } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { generationsRepository } from './generations.repository.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

describe('the client history a run is sent', () => {
  it('has the client’s approvals across its campaigns, unchanged first, and its refusals with its own words only', async () => {
    const { tenant, client, contact, member } = await makeAgency(api.db);
    const older = await makeCampaign(api.db, tenant, client);
    const current = await makeCampaign(api.db, tenant, client);
    await makeIdea(api.db, older, { status: 'CLIENT_APPROVED', title: 'Approved as written' });
    const edited = await makeIdea(api.db, current, {
      status: 'CLIENT_APPROVED',
      title: 'Approved after an edit',
    });
    await api.db.withTenantTx(tenant.id, (tx) =>
      tx.idea.update({ where: { id: edited.id }, data: { caption: 'The agency rewrote this', version: 2 } }),
    );
    await makeIdea(api.db, current, { status: 'PENDING_CLIENT', title: 'Still with the client' });
    const rejected = await makeIdea(api.db, current, {
      status: 'CLIENT_REJECTED',
      title: 'Two-for-one Tuesdays',
    });
    await api.db.withTenantTx(tenant.id, (tx) =>
      tx.comment.createMany({
        data: [
          {
            tenantId: tenant.id,
            ideaId: rejected.id,
            authorId: contact.id,
            body: 'We never discount.',
            visibility: 'CLIENT',
          },
          {
            tenantId: tenant.id,
            ideaId: rejected.id,
            authorId: member.id,
            body: 'Noted, sorry!',
            visibility: 'CLIENT',
          },
        ],
      }),
    );
    // Another client of the agency, and another agency, lend it nothing.
    const sibling = await makeClient(api.db, tenant);
    await makeIdea(api.db, await makeCampaign(api.db, tenant, sibling), {
      status: 'CLIENT_APPROVED',
      title: 'Sibling',
    });
    const other = await makeAgency(api.db);
    await makeIdea(api.db, await makeCampaign(api.db, other.tenant, other.client), {
      status: 'CLIENT_APPROVED',
    });

    const context = await api.db.withTenantTx(tenant.id, (tx) =>
      generationsRepository.findCampaignContext(tx, current.id),
    );
    expect(context.history.examples.map((e) => [e.title, e.unchanged])).toEqual([
      ['Approved as written', true],
      ['Approved after an edit', false],
    ]);
    expect(context.history.turnedDown).toEqual([
      { title: 'Two-for-one Tuesdays', reason: 'We never discount.' },
    ]);
  });
});
