import type {
  AiIdeaExample,
  AiTurnedDown,
  GenerateProgress,
  GenerationStatus,
  Platform,
} from '@muse/contracts';
import type { BaseTx, Prisma, TenantTx } from '@muse/db';
import { afterKeyset, type Keyset } from '../../shared/keyset-page.ts';
import { BRAND_FIELDS, withBrandLimits } from '../clients/clients.repository.ts';
import { pickExamples, turnedDownNotes } from './generations.examples.ts';
import { UNFINISHED_STATUSES } from './generations.rules.ts';

const GENERATION_FIELDS = {
  id: true,
  campaignId: true,
  ideaId: true,
  requestedById: true,
  status: true,
  requestedPosts: true,
  requestedReels: true,
  producedCount: true,
  platforms: true,
  instructions: true,
  model: true,
  offline: true,
  templateVersions: true,
  brandProfileVersion: true,
  tokenBudget: true,
  promptTokens: true,
  completionTokens: true,
  latencyMs: true,
  attempts: true,
  errorCode: true,
  errorMessage: true,
  warnings: true,
  batchesDone: true,
  batchesTotal: true,
  ideasReady: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
} as const satisfies Prisma.GenerationSelect;

export type GenerationRow = Prisma.GenerationGetPayload<{ select: typeof GENERATION_FIELDS }>;

export interface NewGeneration {
  tenantId: string;
  campaignId: string;
  ideaId: string | null;
  requestedById: string;
  requestedPosts: number;
  requestedReels: number;
  platforms: Platform[];
  instructions: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  tokenBudget: number;
}

/** Where a finished run is announced (its id), on commit: waiting requests wake at once. */
export const GENERATION_FINISHED_CHANNEL = 'generation_finished';

/** Announces the run's end with the transaction that ends it: a rolled-back end announces nothing. */
async function announceFinished(tx: TenantTx, id: string): Promise<boolean> {
  await tx.$executeRaw`select pg_notify(${GENERATION_FINISHED_CHANNEL}, ${id})`;
  return true;
}

/** What the worker writes when a run ends, whichever way. */
export interface Outcome {
  status: 'SUCCEEDED' | 'FAILED';
  producedCount?: number;
  model?: string | null;
  offline?: boolean;
  templateVersions?: Prisma.InputJsonObject;
  warnings?: Prisma.InputJsonArray;
  latencyMs?: number | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  tokens: { prompt: number; completion: number };
}

const outcomeData = ({ tokens, ...outcome }: Outcome) => ({
  ...outcome,
  promptTokens: { increment: tokens.prompt },
  completionTokens: { increment: tokens.completion },
  finishedAt: new Date(),
});

const CAMPAIGN_CONTEXT = {
  id: true,
  name: true,
  objective: true,
  brief: true,
  keyMessages: true,
  themes: true,
  toneOverride: true,
  startDate: true,
  endDate: true,
  status: true,
  clientId: true,
  client: { select: BRAND_FIELDS },
} as const satisfies Prisma.CampaignSelect;

/** The campaign and its brand, and what the client approved and turned down lately (across its campaigns). */
type CampaignRow = Prisma.CampaignGetPayload<{ select: typeof CAMPAIGN_CONTEXT }>;
export type CampaignContext = Omit<CampaignRow, 'client'> & {
  client: ReturnType<typeof withBrandLimits<CampaignRow['client']>>;
  history: { examples: AiIdeaExample[]; turnedDown: AiTurnedDown[] };
};

/** Approved ideas looked at for examples (the newest), and turned-down ideas noted. */
const APPROVED_LOOKED_AT = 30;
const TURNED_DOWN_NOTED = 5;

const EXAMPLE_FIELDS = {
  type: true,
  platform: true,
  title: true,
  hook: true,
  caption: true,
  hashtags: true,
  callToAction: true,
  visualDirection: true,
  durationSec: true,
  beats: true,
  audioSuggestion: true,
  revisions: { where: { version: 1 }, select: { snapshot: true } },
} as const satisfies Prisma.IdeaSelect;

/** The client's recent approvals and refusals, which the v2 templates show the model. */
async function clientHistory(tx: TenantTx, clientId: string): Promise<CampaignContext['history']> {
  const approved = await tx.idea.findMany({
    where: { status: 'CLIENT_APPROVED', campaign: { clientId } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: APPROVED_LOOKED_AT,
    select: EXAMPLE_FIELDS,
  });
  const contacts = await tx.user.findMany({ where: { clientId }, select: { id: true } });
  const turnedDown = await tx.idea.findMany({
    where: { status: { in: ['CLIENT_REJECTED', 'CHANGES_REQUESTED'] }, campaign: { clientId } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: TURNED_DOWN_NOTED,
    select: {
      title: true,
      // The client's own words: its contacts' comments and its review links'.
      comments: {
        where: {
          visibility: 'CLIENT',
          OR: [{ reviewLinkId: { not: null } }, { authorId: { in: contacts.map((c) => c.id) } }],
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 1,
        select: { body: true },
      },
    },
  });
  return {
    examples: pickExamples(
      approved.map(({ revisions, ...idea }) => ({ ...idea, firstDraft: revisions[0]?.snapshot ?? null })),
    ),
    turnedDown: turnedDownNotes(
      turnedDown.map((idea) => ({ title: idea.title, clientComment: idea.comments[0]?.body ?? null })),
    ),
  };
}

/** The AI service avoids at most this many existing titles. */
const AVOID_TITLES_LIMIT = 500;

export const generationsRepository = {
  /**
   * Serializes the generation requests of one tenant for the rest of the transaction: the quota
   * check must see the runs queued by a concurrent request, and one Idempotency-Key must map to
   * one generation.
   */
  async lockTenant(tx: TenantTx, tenantId: string): Promise<void> {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`muse:generations:${tenantId}`}, 0))`;
  },

  findByIdempotencyKey(tx: TenantTx, key: string) {
    return tx.generation.findFirst({
      where: { idempotencyKey: key },
      select: { ...GENERATION_FIELDS, requestHash: true },
    });
  },

  /** Frees an expired Idempotency-Key for reuse; the run it named keeps everything else. */
  async releaseIdempotencyKey(tx: TenantTx, id: string): Promise<void> {
    await tx.generation.update({
      where: { id },
      data: { idempotencyKey: null, requestHash: null },
      select: { id: true },
    });
  },

  findCampaign(tx: TenantTx, id: string) {
    return tx.campaign.findFirst({
      where: { id },
      select: {
        id: true,
        status: true,
        numPosts: true,
        numReels: true,
        platforms: true,
        client: { select: { platforms: true } },
      },
    });
  },

  findIdea(tx: TenantTx, id: string) {
    return tx.idea.findFirst({
      where: { id },
      select: {
        id: true,
        campaignId: true,
        status: true,
        type: true,
        platform: true,
        campaign: { select: { status: true } },
      },
    });
  },

  hasUnfinishedRegeneration(tx: TenantTx, ideaId: string) {
    return tx.generation
      .count({ where: { ideaId, status: { in: [...UNFINISHED_STATUSES] } } })
      .then((count) => count > 0);
  },

  findQuota(tx: TenantTx, tenantId: string) {
    return tx.tenant
      .findUniqueOrThrow({ where: { id: tenantId }, select: { monthlyTokenQuota: true } })
      .then((tenant) => tenant.monthlyTokenQuota);
  },

  /**
   * The month's spending as the quota check counts it: the quota, the tokens spent since `since`
   * and what unfinished runs may still spend.
   */
  async monthSpend(tx: TenantTx, tenantId: string, since: Date, tokensPerIdea: number) {
    return {
      monthlyTokenQuota: await generationsRepository.findQuota(tx, tenantId),
      tokensUsed: await generationsRepository.tokensUsed(tx, since),
      tokensReserved: await generationsRepository.tokensReserved(tx, since, tokensPerIdea),
    };
  },

  /** Tokens of the generations queued since `since`, and of the brand feedback read since then. */
  async tokensUsed(tx: TenantTx, since: Date): Promise<number> {
    const spent = await tx.generation.aggregate({
      where: { queuedAt: { gte: since } },
      _sum: { promptTokens: true, completionTokens: true },
    });
    return (
      (spent._sum.promptTokens ?? 0) +
      (spent._sum.completionTokens ?? 0) +
      (await generationsRepository.feedbackTokensUsed(tx, since))
    );
  },

  /** Tokens of the review feedback read into brand suggestions since `since`. */
  async feedbackTokensUsed(tx: TenantTx, since: Date): Promise<number> {
    const feedback = await tx.brandFeedbackRun.aggregate({
      where: { createdAt: { gte: since } },
      _sum: { promptTokens: true, completionTokens: true },
    });
    return (feedback._sum.promptTokens ?? 0) + (feedback._sum.completionTokens ?? 0);
  },

  /**
   * What this month's unfinished runs may still spend, as the quota check reserves it: their
   * budgets less what their earlier attempts spent, and, for runs queued before budgets
   * existed, `tokensPerIdea` for each of their ideas.
   */
  async tokensReserved(tx: TenantTx, since: Date, tokensPerIdea: number): Promise<number> {
    const unfinished = { queuedAt: { gte: since }, status: { in: [...UNFINISHED_STATUSES] } };
    const budgeted = await tx.generation.aggregate({
      where: { ...unfinished, tokenBudget: { not: null } },
      _sum: { tokenBudget: true, promptTokens: true, completionTokens: true },
    });
    const unbudgeted = await tx.generation.aggregate({
      where: { ...unfinished, tokenBudget: null },
      _sum: { requestedPosts: true, requestedReels: true },
    });
    const { tokenBudget, promptTokens, completionTokens } = budgeted._sum;
    const unbudgetedIdeas = (unbudgeted._sum.requestedPosts ?? 0) + (unbudgeted._sum.requestedReels ?? 0);
    return (
      Math.max(0, (tokenBudget ?? 0) - (promptTokens ?? 0) - (completionTokens ?? 0)) +
      unbudgetedIdeas * tokensPerIdea
    );
  },

  create(tx: TenantTx, data: NewGeneration) {
    return tx.generation.create({ data, select: GENERATION_FIELDS });
  },

  findById(tx: TenantTx, id: string) {
    return tx.generation.findFirst({ where: { id }, select: GENERATION_FIELDS });
  },

  findStatus(tx: TenantTx, id: string) {
    return tx.generation.findFirst({ where: { id }, select: { status: true } }).then((row) => row?.status);
  },

  campaignExists(tx: TenantTx, id: string) {
    return tx.campaign.count({ where: { id } }).then((count) => count > 0);
  },

  /** Newest first; one row beyond the page tells whether another page exists. */
  listForCampaign(
    tx: TenantTx,
    campaignId: string,
    filter: { status?: GenerationStatus; after?: Keyset; limit: number },
  ) {
    return tx.generation.findMany({
      where: { campaignId, status: filter.status, ...afterKeyset(filter.after, 'desc', 'queuedAt') },
      orderBy: [{ queuedAt: 'desc' }, { id: 'desc' }],
      take: filter.limit + 1,
      select: GENERATION_FIELDS,
    });
  },

  /** The ideas each generation wrote, in the order the AI service returned them. */
  async ideaIdsOf(tx: TenantTx, generations: GenerationRow[]): Promise<Map<string, string[]>> {
    const ideaIds = new Map<string, string[]>(generations.map((generation) => [generation.id, []]));
    const campaignRuns = generations.filter((generation) => generation.ideaId === null);
    if (campaignRuns.length > 0) {
      const ideas = await tx.idea.findMany({
        where: { generationId: { in: campaignRuns.map((generation) => generation.id) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, generationId: true },
      });
      for (const idea of ideas) ideaIds.get(idea.generationId ?? '')?.push(idea.id);
    }
    for (const generation of generations) {
      if (generation.ideaId && generation.status === 'SUCCEEDED') {
        ideaIds.get(generation.id)?.push(generation.ideaId);
      }
    }
    return ideaIds;
  },

  /*
   * The worker's side.
   */

  /**
   * Takes the run for a new attempt: RUNNING, attempts + 1, no progress yet (an earlier attempt's
   * is not this one's). Undefined when it has finished already (a job delivered again after its
   * result was written).
   */
  async claim(tx: TenantTx, id: string) {
    const [claimed] = await tx.generation.updateManyAndReturn({
      where: { id, status: { in: [...UNFINISHED_STATUSES] } },
      data: {
        status: 'RUNNING',
        attempts: { increment: 1 },
        batchesDone: null,
        batchesTotal: null,
        ideasReady: null,
      },
      select: { ...GENERATION_FIELDS, tenantId: true },
    });
    if (claimed && !claimed.startedAt) {
      const startedAt = new Date();
      await tx.generation.update({ where: { id }, data: { startedAt }, select: { id: true } });
      return { ...claimed, startedAt };
    }
    return claimed;
  },

  async findCampaignContext(tx: TenantTx, campaignId: string): Promise<CampaignContext> {
    const campaign = await tx.campaign.findFirstOrThrow({
      where: { id: campaignId },
      select: CAMPAIGN_CONTEXT,
    });
    return {
      ...campaign,
      client: withBrandLimits(campaign.client),
      history: await clientHistory(tx, campaign.clientId),
    };
  },

  /**
   * Records on the run the version of its client's brand profile as it is now, when the attempt
   * reads the brand it writes in; returns that version.
   */
  async recordBrandVersion(tx: TenantTx, id: string, campaignId: string): Promise<number> {
    const { brandVersion } = await tx.campaign
      .findFirstOrThrow({ where: { id: campaignId }, select: { client: { select: { brandVersion: true } } } })
      .then((campaign) => campaign.client);
    await tx.generation.update({
      where: { id },
      data: { brandProfileVersion: brandVersion },
      select: { id: true },
    });
    return brandVersion;
  },

  /** Titles the AI service must not repeat: the campaign's ideas, newest first. */
  existingTitles(tx: TenantTx, campaignId: string) {
    return tx.idea
      .findMany({
        where: { campaignId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: AVOID_TITLES_LIMIT,
        select: { title: true },
      })
      .then((ideas) => ideas.map((idea) => idea.title));
  },

  findIdeaToRevise(tx: TenantTx, id: string) {
    return tx.idea.findFirst({
      where: { id },
      select: { id: true, status: true, title: true, type: true, platform: true, version: true },
    });
  },

  /** Records how far the attempt has got, only while it still holds the run; false when it does not. */
  async recordProgress(
    tx: TenantTx,
    id: string,
    attempt: number,
    progress: GenerateProgress,
  ): Promise<boolean> {
    const { count } = await tx.generation.updateMany({
      where: { id, status: 'RUNNING', attempts: attempt },
      data: {
        batchesDone: progress.batchesDone,
        batchesTotal: progress.batchesTotal,
        ideasReady: progress.ideasReady,
      },
    });
    return count === 1;
  },

  /**
   * Ends the run with its result, only if this attempt still holds it: the update locks the row,
   * so a newer attempt (the job moved to another worker) and this one cannot both write ideas.
   */
  async finish(tx: TenantTx, id: string, attempt: number, outcome: Outcome): Promise<boolean> {
    const { count } = await tx.generation.updateMany({
      where: { id, status: 'RUNNING', attempts: attempt },
      data: outcomeData(outcome),
    });
    return count === 1 && announceFinished(tx, id);
  },

  /**
   * Ends a run whatever attempt holds it, if it has not finished: for runs whose worker is gone.
   * Returns the run's campaign when it ended it, null when it had finished.
   */
  async finishAbandoned(tx: TenantTx, id: string, outcome: Outcome): Promise<{ campaignId: string } | null> {
    const [ended] = await tx.generation.updateManyAndReturn({
      where: { id, status: { in: [...UNFINISHED_STATUSES] } },
      data: outcomeData(outcome),
      select: { campaignId: true },
    });
    if (!ended) return null;
    await announceFinished(tx, id);
    return ended;
  },

  /** Tokens an attempt spent without writing a result: they still count against the quota. */
  async addTokens(tx: TenantTx, id: string, tokens: { prompt: number; completion: number }): Promise<void> {
    await tx.generation.update({
      where: { id },
      data: {
        promptTokens: { increment: tokens.prompt },
        completionTokens: { increment: tokens.completion },
      },
      select: { id: true },
    });
  },

  async createIdeas(
    tx: TenantTx,
    ideas: Prisma.IdeaCreateManyInput[],
    revisions: Prisma.IdeaRevisionCreateManyInput[],
  ): Promise<void> {
    await tx.idea.createMany({ data: ideas });
    await tx.ideaRevision.createMany({ data: revisions });
  },

  /** Unfinished runs queued before `before`, across tenants (platform scope): candidates for the sweep. */
  listUnfinished(tx: BaseTx, before: Date, limit: number) {
    return tx.generation.findMany({
      where: { status: { in: [...UNFINISHED_STATUSES] }, queuedAt: { lt: before } },
      orderBy: { queuedAt: 'asc' },
      take: limit,
      select: { id: true, tenantId: true, ideaId: true, requestedById: true, queuedAt: true },
    });
  },

  /** Generations still queued or running, across tenants (platform scope): the queue's depth. */
  countUnfinished(tx: BaseTx) {
    return tx.generation.groupBy({
      by: ['status'],
      where: { status: { in: [...UNFINISHED_STATUSES] } },
      _count: { _all: true },
    });
  },
};
