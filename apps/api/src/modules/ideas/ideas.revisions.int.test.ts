import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeCampaign, makeIdea } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { reviseIdeaContent } from './ideas.revisions.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

async function draft(status: 'GENERATED' | 'CHANGES_REQUESTED' | 'PENDING_CLIENT' = 'GENERATED') {
  const agency = await makeAgency(api.db);
  const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client), { status });
  return { ...agency, idea };
}

const stateOf = (tenantId: string, id: string) =>
  api.db.withTenantTx(tenantId, async (tx) => ({
    idea: await tx.idea.findFirstOrThrow({ where: { id } }),
    revisions: await tx.ideaRevision.findMany({ where: { ideaId: id }, orderBy: { version: 'asc' } }),
    events: await tx.activityEvent.findMany({ where: { entityId: id } }),
  }));

describe('reviseIdeaContent (what regenerating one idea writes)', () => {
  it('when an editable idea gets new content, then it moves to the next version with a revision and the caller’s event, status and round kept', async () => {
    const { tenant, member, idea } = await draft('CHANGES_REQUESTED');
    const result = await api.db.withTenantTx(tenant.id, (tx) =>
      reviseIdeaContent(tx, {
        tenantId: tenant.id,
        ideaId: idea.id,
        actorId: member.id,
        content: { title: 'A fresh take', caption: idea.caption, hashtags: ['#Fresh'] },
        templateVersion: 'post/v2',
        generationId: '5b0c8f0e-8a3c-4f5e-9d43-2f7a1c9b6e21',
      }),
    );
    expect(result).toEqual({
      revised: expect.objectContaining({ version: 2, title: 'A fresh take', status: 'CHANGES_REQUESTED' }),
    });
    const after = await stateOf(tenant.id, idea.id);
    expect(after.idea).toMatchObject({ templateVersion: 'post/v2', round: 1, hashtags: ['#Fresh'] });
    expect(after.revisions[1]).toMatchObject({
      version: 2,
      editedById: member.id,
      shownToClientAt: null,
      snapshot: expect.objectContaining({ title: 'A fresh take', hashtags: ['#Fresh'] }),
    });
    expect(after.events).toEqual([
      expect.objectContaining({
        action: 'idea.regenerated',
        actorId: member.id,
        data: {
          title: 'A fresh take',
          version: 2,
          changedFields: ['title', 'hashtags'],
          generationId: '5b0c8f0e-8a3c-4f5e-9d43-2f7a1c9b6e21',
        },
      }),
    ]);
  });

  it('when the idea is with the client, at another version, or unknown, then nothing is written and it says why', async () => {
    const { tenant, idea: pending } = await draft('PENDING_CLIENT');
    const { tenant: other, idea } = await draft();
    const revise = (tenantId: string, ideaId: string, expectedVersion?: number) =>
      api.db.withTenantTx(tenantId, (tx) =>
        reviseIdeaContent(tx, {
          tenantId,
          ideaId,
          actorId: null,
          content: { title: 'New' },
          expectedVersion,
        }),
      );
    expect(await revise(tenant.id, pending.id)).toEqual({ refused: 'not_editable' });
    expect(await revise(other.id, idea.id, 7)).toEqual({ refused: 'version_conflict' });
    expect(await revise(tenant.id, idea.id)).toEqual({ refused: 'not_found' });
    expect((await stateOf(other.id, idea.id)).idea.version).toBe(1);
    expect((await stateOf(tenant.id, pending.id)).events).toEqual([]);
  });
});
