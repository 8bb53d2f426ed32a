import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadCsv } from '../../test/csv-export.ts';
import { bearer, makeAgency, makeCampaign, makeIdea } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const MARKER = 'UNSENT-DRAFT-7f3a';

/** An idea the agency sent, the client asked to change, and the agency then edited without sending. */
async function reworkedButUnsent() {
  const agency = await makeAgency(api.db);
  const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
  const idea = await makeIdea(api.db, campaign);
  const agencyAuth = await bearer(agency.member);
  const clientAuth = await bearer(agency.contact);
  const patch = async (auth: string, body: object) => {
    const res = await api.http.patch(`/api/ideas/${idea.id}`).set('Authorization', auth).send(body);
    expect(res.status).toBe(200);
    return res.body;
  };
  const sent = await patch(agencyAuth, { version: 1, status: 'PENDING_CLIENT' });
  const answered = await patch(clientAuth, {
    version: sent.version,
    status: 'CHANGES_REQUESTED',
    comment: 'Warmer, please',
  });
  const edited = await patch(agencyAuth, { version: answered.version, caption: `Warmer ${MARKER}` });
  return { campaign, idea, sentCaption: sent.caption as string, edited, agencyAuth, clientAuth, patch };
}

describe('a client contact reads the version of an idea that was last sent to it', () => {
  it('when the agency edits an idea after the client requested changes, then the client reads the sent caption in the idea, the list and the CSV, while the agency reads its edit', async () => {
    const { campaign, idea, sentCaption, agencyAuth, clientAuth } = await reworkedButUnsent();

    const clientIdea = await api.http.get(`/api/ideas/${idea.id}`).set('Authorization', clientAuth);
    expect(clientIdea.status).toBe(200);
    expect(clientIdea.body.caption).toBe(sentCaption);
    expect(clientIdea.body.status).toBe('CHANGES_REQUESTED');
    const clientList = await api.http
      .get(`/api/campaigns/${campaign.id}/ideas`)
      .set('Authorization', clientAuth);
    expect(clientList.body.items.map((item: { caption: string }) => item.caption)).toEqual([sentCaption]);
    const clientCsv = await downloadCsv(api, campaign.id, clientAuth);
    expect(clientCsv.status).toBe(200);
    expect(clientCsv.body).toContain(sentCaption);
    expect(clientCsv.body).not.toContain(MARKER);

    const agencyIdea = await api.http.get(`/api/ideas/${idea.id}`).set('Authorization', agencyAuth);
    expect(agencyIdea.body.caption).toContain(MARKER);
    const agencyList = await api.http
      .get(`/api/campaigns/${campaign.id}/ideas`)
      .set('Authorization', agencyAuth);
    expect(agencyList.body.items[0].caption).toContain(MARKER);
    expect((await downloadCsv(api, campaign.id, agencyAuth)).body).toContain(MARKER);
  });

  it('when the agency sends the edited idea again, then the client reads the edit everywhere', async () => {
    const { campaign, idea, edited, agencyAuth, clientAuth } = await reworkedButUnsent();
    const resent = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', agencyAuth)
      .send({ version: edited.version, status: 'PENDING_CLIENT' });
    expect(resent.status).toBe(200);

    const clientIdea = await api.http.get(`/api/ideas/${idea.id}`).set('Authorization', clientAuth);
    expect(clientIdea.body.caption).toContain(MARKER);
    const clientList = await api.http
      .get(`/api/campaigns/${campaign.id}/ideas`)
      .set('Authorization', clientAuth);
    expect(clientList.body.items[0].caption).toContain(MARKER);
    expect((await downloadCsv(api, campaign.id, clientAuth)).body).toContain(MARKER);
  });
});
