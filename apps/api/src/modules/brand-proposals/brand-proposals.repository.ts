import {
  BrandProposalEvidence,
  BrandProposalKind,
  BrandProposalSource,
  BrandProposalStatus,
  CLIENT_ANSWER_STATUSES,
  type IdeaStatus,
  MAX_LISTED_BRAND_PROPOSALS,
} from '@muse/contracts';
import type { Prisma, TenantTx } from '@muse/db';
import type { DerivedProposal } from './brand-proposals.merge.ts';

const PROPOSAL_FIELDS = {
  id: true,
  clientId: true,
  kind: true,
  text: true,
  platform: true,
  maxCaptionChars: true,
  confidence: true,
  evidence: true,
  source: true,
  status: true,
  fromRoundId: true,
  createdAt: true,
  decidedAt: true,
  decidedById: true,
  brandVersion: true,
} as const satisfies Prisma.BrandProposalSelect;

type ProposalRow = Prisma.BrandProposalGetPayload<{ select: typeof PROPOSAL_FIELDS }>;

/** A row with its text columns read as the contracts' enums and its evidence as the contracts' shape. */
function toRecord(row: ProposalRow) {
  return {
    ...row,
    kind: BrandProposalKind.parse(row.kind),
    source: BrandProposalSource.parse(row.source),
    status: BrandProposalStatus.parse(row.status),
    evidence: BrandProposalEvidence.parse(row.evidence),
  };
}
export type ProposalRecord = ReturnType<typeof toRecord>;

/** Answered ideas of a client looked at for one derivation: the newest. */
const HISTORY_IDEAS = 40;

const REVIEW_TEXT = { caption: true, hashtags: true, callToAction: true } as const;

export const brandProposalsRepository = {
  /** Open ones first (newest first), then the newest decided; `status` keeps one kind. */
  async list(tx: TenantTx, clientId: string, status: BrandProposalStatus | undefined) {
    const page = (where: Prisma.BrandProposalWhereInput, take: number) =>
      take <= 0
        ? Promise.resolve([])
        : tx.brandProposal.findMany({
            where: { clientId, ...where },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            take,
            select: PROPOSAL_FIELDS,
          });
    if (status) return (await page({ status }, MAX_LISTED_BRAND_PROPOSALS)).map(toRecord);
    const open = await page({ status: 'open' }, MAX_LISTED_BRAND_PROPOSALS);
    const decided = await page({ status: { not: 'open' } }, MAX_LISTED_BRAND_PROPOSALS - open.length);
    return [...open, ...decided].map(toRecord);
  },

  /** The proposal of this client, locked until the transaction ends, so one decision wins. */
  async findForDecision(tx: TenantTx, clientId: string, id: string) {
    const rows = await tx.$queryRaw<
      unknown[]
    >`select 1 from brand_proposals where id = ${id}::uuid for update`;
    if (rows.length === 0) return null;
    const row = await tx.brandProposal.findFirst({ where: { id, clientId }, select: PROPOSAL_FIELDS });
    return row && toRecord(row);
  },

  decide(
    tx: TenantTx,
    id: string,
    decision: {
      status: 'accepted' | 'dismissed';
      decidedById: string;
      text?: string;
      maxCaptionChars?: number | null;
      brandVersion?: number;
    },
  ) {
    return tx.brandProposal
      .update({ where: { id }, data: { ...decision, decidedAt: new Date() }, select: PROPOSAL_FIELDS })
      .then(toRecord);
  },

  userNames(tx: TenantTx, ids: string[]) {
    return tx.user
      .findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      .then((users) => new Map(users.map((user) => [user.id, user.name])));
  },

  /** The round's client and whether its proposals were derived already. */
  async roundToDerive(tx: TenantTx, roundId: string) {
    const round = await tx.reviewRound.findFirst({
      where: { id: roundId, answeredAt: { not: null } },
      select: { id: true, clientId: true, sentById: true },
    });
    if (!round) return null;
    const run = await tx.brandFeedbackRun.findFirst({
      where: { reviewRoundId: roundId },
      select: { id: true },
    });
    return { ...round, derived: run !== null };
  },

  /**
   * The client's newest answered ideas (from review rounds): the AI's first draft (revision 1)
   * and the content the client answered, with the client's own comments on them (its contacts'
   * and its review links') and, for a comment written with an answer, the answer.
   */
  async history(tx: TenantTx, clientId: string) {
    const ideas = await tx.idea.findMany({
      where: {
        campaign: { clientId },
        reviewRoundId: { not: null },
        status: { in: [...CLIENT_ANSWER_STATUSES] },
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: HISTORY_IDEAS,
      select: {
        id: true,
        type: true,
        platform: true,
        title: true,
        status: true,
        ...REVIEW_TEXT,
        revisions: { where: { version: 1 }, select: { snapshot: true } },
      },
    });
    const ideaIds = ideas.map((idea) => idea.id);
    const contacts = await tx.user.findMany({ where: { clientId }, select: { id: true } });
    const comments = await tx.comment.findMany({
      where: {
        ideaId: { in: ideaIds },
        visibility: 'CLIENT',
        OR: [{ reviewLinkId: { not: null } }, { authorId: { in: contacts.map((contact) => contact.id) } }],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, ideaId: true, body: true },
    });
    const answers = await tx.activityEvent.findMany({
      where: { entityType: 'idea', entityId: { in: ideaIds }, action: 'idea.status_changed' },
      select: { data: true },
    });
    const answerOf = new Map<string, IdeaStatus>();
    for (const { data } of answers) {
      const move = data as { commentId?: string; to?: IdeaStatus };
      if (move.commentId && move.to) answerOf.set(move.commentId, move.to);
    }
    return { ideas, comments, answerOf };
  },

  /**
   * Writes the run of the round and its proposals, under a lock of the round's derivation; null,
   * writing nothing, when the round's run exists (another attempt finished first). A proposal
   * open or dismissed already is skipped. Returns how many proposals were added.
   */
  async recordRun(
    tx: TenantTx,
    run: {
      tenantId: string;
      clientId: string;
      reviewRoundId: string;
      promptTokens: number;
      completionTokens: number;
      model: string | null;
    },
    proposals: DerivedProposal[],
  ): Promise<number | null> {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`muse:brand-feedback:${run.reviewRoundId}`}, 0))`;
    const done = await tx.brandFeedbackRun.findFirst({
      where: { reviewRoundId: run.reviewRoundId },
      select: { id: true },
    });
    if (done) return null;
    const { count } = await tx.brandProposal.createMany({
      data: proposals.map((proposal) => ({
        tenantId: run.tenantId,
        clientId: run.clientId,
        kind: proposal.kind,
        text: proposal.text,
        platform: proposal.platform,
        maxCaptionChars: proposal.maxCaptionChars,
        dedupKey: proposal.dedupKey,
        confidence: proposal.confidence,
        evidence: proposal.evidence,
        source: proposal.source,
        fromRoundId: run.reviewRoundId,
      })),
      skipDuplicates: true,
    });
    await tx.brandFeedbackRun.create({ data: { ...run, proposals: count }, select: { id: true } });
    return count;
  },
};
