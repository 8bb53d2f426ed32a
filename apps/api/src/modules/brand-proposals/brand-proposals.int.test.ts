import { AcceptedBrandProposal, BrandProposal, BrandProposalList, BrandVersionPage } from '@muse/contracts';
import { createLogger } from '@muse/logger';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAiServiceClient } from '../../ai/ai-service.client.ts';
import { parseWorkerConfig } from '../../config.ts';
import { type JobQueue, startJobQueue } from '../../jobs/job-queue.ts';
import {
  bearer,
  makeAgency,
  makeBrandProposal,
  makeCampaign,
  makeIdea,
  makeReviewLink,
} from '../../test/factories.ts';
import {
  AI_SERVICE_TOKEN,
  type AiStack,
  createPrivateDatabase,
  eventually,
  startAiStack,
  workerEnv,
} from '../../test/generation-harness.ts';
import { createTestDatabase } from '../../test/owner-database.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { generateIdeasJob } from '../generations/generations.job.ts';
import { createBrandProposalDeriver } from './brand-proposals.deriver.ts';
import { deriveBrandProposalsJob } from './brand-proposals.job.ts';

const logger = createLogger('brand-proposals-test', { level: 'silent' });

let database: Awaited<ReturnType<typeof createPrivateDatabase>>;
let ai: AiStack;
let api: TestApp;
let worker: JobQueue;
let workerDb: ReturnType<typeof createTestDatabase>;

beforeAll(async () => {
  database = await createPrivateDatabase();
  ai = await startAiStack();
  api = await startTestApp({ env: { DATABASE_URL: database.url, GENERATION_RATE_LIMIT_PER_MINUTE: '1000' } });
  // A worker of the two jobs the loop needs: generating ideas and deriving proposals.
  const config = parseWorkerConfig(workerEnv(database.url, ai.url));
  workerDb = createTestDatabase(database.url, 4);
  worker = await startJobQueue({
    databaseUrl: database.url,
    config,
    role: 'worker',
    logger,
    jobs: [generateIdeasJob, deriveBrandProposalsJob],
  });
  await worker.work({ config, db: workerDb, logger, metrics: new Registry(), queue: worker });
});
afterAll(async () => {
  await worker?.stop(2_000);
  await workerDb?.disconnect();
  await api?.close();
  await ai?.close();
  await database?.drop();
});

type Agency = Awaited<ReturnType<typeof makeAgency>>;

/** A campaign whose themes make the offline model write “cheap” until the brand says never to. */
function cheapEatsCampaign(agency: Agency) {
  return api.db.withTenantTx(agency.tenant.id, (tx) =>
    tx.campaign.create({
      data: {
        tenantId: agency.tenant.id,
        clientId: agency.client.id,
        name: 'Lunch Rush',
        objective: 'Fill the café at lunchtime',
        brief: 'A new lunch menu for office workers nearby.',
        keyMessages: ['Soup and sourdough, ready in five minutes'],
        themes: ['cheap eats', 'sourdough lunches'],
        platforms: ['INSTAGRAM'],
        numPosts: 3,
        numReels: 0,
        status: 'ACTIVE',
      },
    }),
  );
}

async function generate(agency: Agency, campaignId: string) {
  const res = await api.http
    .post(`/api/campaigns/${campaignId}/generate?wait=true`)
    .set('Authorization', await bearer(agency.member))
    .send({ numPosts: 3, numReels: 0 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.status).toBe('SUCCEEDED');
  const ideas = await api.db.withTenantTx(agency.tenant.id, (tx) =>
    tx.idea.findMany({
      where: { generationId: res.body.id },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        version: true,
        caption: true,
        hook: true,
        title: true,
        hashtags: true,
        callToAction: true,
      },
    }),
  );
  return { generation: res.body as { id: string; brandVersion: number | null }, ideas };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const captionLengths = (ideas: { caption: string }[]) => ideas.map((idea) => [...idea.caption].length);

async function answer(agency: Agency, idea: { id: string }, status: string, comment: string) {
  const current = await api.db.withTenantTx(agency.tenant.id, (tx) =>
    tx.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { version: true } }),
  );
  const res = await api.http
    .patch(`/api/ideas/${idea.id}`)
    .set('Authorization', await bearer(agency.contact))
    .send({ version: current.version, status, comment });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function proposalsOf(agency: Agency, query = '') {
  const res = await api.http
    .get(`/api/clients/${agency.client.id}/brand-proposals${query}`)
    .set('Authorization', await bearer(agency.member));
  expect(res.status).toBe(200);
  return BrandProposalList.parse(res.body).items;
}

describe('a brand voice that learns from review', () => {
  it('when the client turns down cheap-sounding posts and asks twice for shorter ones, then the answered round yields suggestions with evidence; accepting them makes new brand versions that the next ideas honour', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await cheapEatsCampaign(agency);
    const before = await generate(agency, campaign.id);
    expect(before.generation.brandVersion).toBe(1);

    const sent = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(agency.member))
      .send({ ids: before.ideas.map((idea) => idea.id), status: 'PENDING_CLIENT', confirmBrandCheck: true });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    // The offline model writes a theme per slot: the ideas that say “cheap” get the client's complaints about it.
    const sayCheap = before.ideas.filter((idea) => /cheap/i.test(idea.caption));
    const [first, second] = sayCheap as [(typeof before.ideas)[number], (typeof before.ideas)[number]];
    const third = before.ideas.find((idea) => !sayCheap.includes(idea)) as (typeof before.ideas)[number];
    expect([first, second, third].every(Boolean)).toBe(true);
    await answer(agency, first, 'CLIENT_REJECTED', 'Too cheap sounding for us.');
    await answer(agency, second, 'CLIENT_REJECTED', 'This sounds cheap. Shorter please.');
    // Nothing proposed while an idea still waits for the client.
    expect(await proposalsOf(agency)).toEqual([]);
    await answer(agency, third, 'CHANGES_REQUESTED', 'Far too long, shorter please.');

    const proposals = await eventually(async () => {
      const items = await proposalsOf(agency);
      return items.length > 0 ? items : undefined;
    });
    const neverUse = proposals.find((proposal) => proposal.kind === 'never_use' && proposal.text === 'cheap');
    expect(neverUse).toMatchObject({ status: 'open', source: 'both', decidedBy: null, brandVersion: null });
    expect(neverUse?.evidence.ideaIds).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(neverUse?.evidence.commentIds).toHaveLength(2);
    expect(neverUse?.evidence.lines).toEqual(expect.arrayContaining(['“Too cheap sounding for us.”']));
    expect(neverUse?.confidence).toBeGreaterThan(0.5);
    const length = proposals.find((proposal) => proposal.kind === 'caption_length');
    expect(length).toMatchObject({ platform: 'INSTAGRAM', status: 'open' });
    expect(length?.evidence.ideaIds).toEqual(expect.arrayContaining([second.id, third.id]));
    expect(length?.maxCaptionChars).toBeLessThan(median(captionLengths(before.ideas)));
    // The run's tokens count against the agency's quota like a generation's.
    const run = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.brandFeedbackRun.findFirstOrThrow({ select: { promptTokens: true, model: true, proposals: true } }),
    );
    expect(run).toMatchObject({ model: 'offline-muse-1', proposals: proposals.length });
    expect(run.promptTokens).toBeGreaterThan(0);
    // The agency hears how many came: the member who sent the round and the admin; the client does not.
    const notices = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.notification.findMany({
        where: { kind: 'BRAND_SUGGESTIONS' },
        select: { userId: true, data: true },
      }),
    );
    expect(notices.map((notice) => notice.userId).sort()).toEqual([agency.admin.id, agency.member.id].sort());
    expect(notices[0]?.data).toEqual({
      clientId: agency.client.id,
      clientName: agency.client.name,
      count: proposals.length,
    });

    const accepted = await api.http
      .post(`/api/clients/${agency.client.id}/brand-proposals/${neverUse?.id}/accept`)
      .set('Authorization', await bearer(agency.member))
      .send({ reason: 'The client said so twice' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const { proposal, client } = AcceptedBrandProposal.parse(accepted.body);
    expect(client).toMatchObject({ brandVersion: 2, dontList: ['cheap'] });
    expect(proposal).toMatchObject({
      status: 'accepted',
      brandVersion: 2,
      decidedBy: { id: agency.member.id },
    });

    const shorter = await api.http
      .post(`/api/clients/${agency.client.id}/brand-proposals/${length?.id}/accept`)
      .set('Authorization', await bearer(agency.member))
      .send({ maxCaptionChars: 120 });
    expect(shorter.status, JSON.stringify(shorter.body)).toBe(200);
    expect(AcceptedBrandProposal.parse(shorter.body).client).toMatchObject({
      brandVersion: 3,
      captionMaxChars: { INSTAGRAM: 120 },
    });

    const versions = await api.http
      .get(`/api/clients/${agency.client.id}/brand-versions`)
      .set('Authorization', await bearer(agency.member));
    const [third3, second2] = BrandVersionPage.parse(versions.body).items;
    expect(second2).toMatchObject({
      number: 2,
      reason: 'Accepted suggestion: cheap — The client said so twice',
      createdBy: { id: agency.member.id },
      changes: [{ kind: 'list', field: 'dontList', added: ['cheap'], removed: [] }],
    });
    expect(third3).toMatchObject({
      number: 3,
      reason: 'Accepted suggestion: Keep Instagram captions to 120 characters',
      changes: [{ kind: 'limit', field: 'captionMaxChars', platform: 'INSTAGRAM', from: null, to: 120 }],
    });

    // Deciding twice is a conflict, and changes nothing.
    const again = await api.http
      .post(`/api/clients/${agency.client.id}/brand-proposals/${neverUse?.id}/dismiss`)
      .set('Authorization', await bearer(agency.member));
    expect(again.status).toBe(409);

    const after = await generate(agency, campaign.id);
    expect(after.generation.brandVersion).toBe(3);
    expect(after.ideas.filter((idea) => /cheap/i.test(JSON.stringify(idea)))).toEqual([]);
    expect(median(captionLengths(after.ideas))).toBeLessThan(median(captionLengths(before.ideas)));
    expect(Math.max(...captionLengths(after.ideas))).toBeLessThanOrEqual(120);
  });

  it('when a suggestion is dismissed, then the profile stays, and a later round with the same history does not make it again', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const deriver = createBrandProposalDeriver({
      db: api.db,
      ai: createAiServiceClient({ url: ai.url, token: AI_SERVICE_TOKEN, timeoutMs: 20_000 }),
      jobs: api.jobs,
      tokensPerIdea: 2_000,
      logger,
    });
    const rejectedTwice = async () => {
      const ideas: { id: string }[] = [];
      for (const body of ['Cheap vibes, no.', 'Still too cheap.']) {
        const idea = await makeIdea(api.db, campaign, { status: 'CLIENT_REJECTED' });
        await api.db.withTenantTx(agency.tenant.id, async (tx) => {
          await tx.idea.update({
            where: { id: idea.id },
            data: { caption: 'Cheap lunch for the whole office.' },
          });
          await tx.comment.create({
            data: {
              tenantId: agency.tenant.id,
              ideaId: idea.id,
              authorId: agency.contact.id,
              body,
              visibility: 'CLIENT',
            },
          });
        });
        ideas.push(idea);
      }
      return api.db.withTenantTx(agency.tenant.id, async (tx) => {
        const round = await tx.reviewRound.create({
          data: {
            tenantId: agency.tenant.id,
            campaignId: campaign.id,
            clientId: agency.client.id,
            answeredAt: new Date(),
          },
        });
        await tx.idea.updateMany({
          where: { id: { in: ideas.map((i) => i.id) } },
          data: { reviewRoundId: round.id },
        });
        return round;
      });
    };
    const run = (roundId: string) =>
      deriver({
        id: roundId,
        data: { tenantId: agency.tenant.id, roundId },
        retryCount: 0,
        retryLimit: 0,
        signal: new AbortController().signal,
      });

    const round = await rejectedTwice();
    await run(round.id);
    await run(round.id); // a second attempt of the same round writes nothing
    const [cheap, ...others] = (await proposalsOf(agency)).filter((p) => p.text === 'cheap');
    expect(cheap).toMatchObject({ kind: 'never_use', fromRoundId: round.id });
    expect(others).toEqual([]);

    const dismissed = await api.http
      .post(`/api/clients/${agency.client.id}/brand-proposals/${cheap?.id}/dismiss`)
      .set('Authorization', await bearer(agency.member));
    expect(dismissed.status).toBe(200);
    expect(BrandProposal.parse(dismissed.body)).toMatchObject({ status: 'dismissed', brandVersion: null });
    const profile = await api.http
      .get(`/api/clients/${agency.client.id}`)
      .set('Authorization', await bearer(agency.member));
    expect(profile.body).toMatchObject({ brandVersion: 1, dontList: [] });

    const later = await rejectedTwice();
    await run(later.id);
    const cheapOnes = (await proposalsOf(agency)).filter((p) => p.text === 'cheap');
    expect(cheapOnes.map((p) => p.status)).toEqual(['dismissed']);
    expect((await proposalsOf(agency, '?status=open')).every((p) => p.status === 'open')).toBe(true);
  });

  it('when another agency, the client’s contact or a review link asks, then it gets 404, 403 and 401', async () => {
    const agency = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    const proposal = await makeBrandProposal(api.db, { tenantId: agency.tenant.id, id: agency.client.id });
    const base = `/api/clients/${agency.client.id}/brand-proposals`;
    const link = await makeReviewLink(api.db, await makeCampaign(api.db, agency.tenant, agency.client));

    for (const [method, path] of [
      ['get', base],
      ['post', `${base}/${proposal.id}/accept`],
      ['post', `${base}/${proposal.id}/dismiss`],
    ] as const) {
      const asOther = await api.http[method](path)
        .set('Authorization', await bearer(other.member))
        .send({});
      expect(asOther.status, `${method} ${path} by another agency`).toBe(404);
      const asContact = await api.http[method](path)
        .set('Authorization', await bearer(agency.contact))
        .send({});
      expect(asContact.status, `${method} ${path} by the client`).toBe(403);
      const asLink = await api.http[method](path).set('X-Muse-Review-Link', link.token).send({});
      expect(asLink.status, `${method} ${path} with a review link`).toBe(401);
    }
    // Another client's proposal is not found under this client.
    const sibling = await makeBrandProposal(api.db, { tenantId: other.tenant.id, id: other.client.id });
    const crossed = await api.http
      .post(`${base}/${sibling.id}/dismiss`)
      .set('Authorization', await bearer(agency.member));
    expect(crossed.status).toBe(404);
    const untouched = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.brandProposal.findUniqueOrThrow({ where: { id: proposal.id }, select: { status: true } }),
    );
    expect(untouched.status).toBe('open');
  });
});
