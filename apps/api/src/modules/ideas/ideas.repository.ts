import {
  type AuditData,
  CLIENT_VISIBLE_STATUSES,
  type IdeaStatus,
  type IdeaType,
  type Platform,
} from '@muse/contracts';
import { Prisma, type TenantTx } from '@muse/db';
import { afterKeyset, type Keyset } from '../../shared/keyset-page.ts';
import type { Audience } from '../auth/audience.ts';

const IDEA_FIELDS = {
  id: true,
  campaignId: true,
  generationId: true,
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
  status: true,
  version: true,
  round: true,
  sentVersion: true,
  templateVersion: true,
  offlineModel: true,
  scheduledFor: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.IdeaSelect;

/** What a change needs to know besides the idea: whether its campaign is archived. */
const IDEA_FOR_CHANGE = {
  ...IDEA_FIELDS,
  campaign: { select: { status: true } },
} as const satisfies Prisma.IdeaSelect;

/** What the audit log records of a move (`idea.status_changed` in the catalog). */
export type IdeaMoveData = AuditData<'idea.status_changed'>;

export interface IdeaFilter {
  /** Any status when absent. */
  statuses?: readonly IdeaStatus[];
  type?: IdeaType;
  platform?: Platform;
  after?: Keyset;
  /** Rows to read; list pages ask for one beyond the page. */
  take?: number;
}

/** Which ideas the calendar reads: a range of days (open-ended without `to`), or the ideas without a date. */
export type CalendarIdeaFilter = ({ from: Date; to?: Date } | { unscheduled: true }) & {
  statuses?: readonly IdeaStatus[];
  platform?: Platform;
  clientId?: string;
  campaignId?: string;
  take?: number;
};

/** The columns an update writes; `beats: null` clears the reel script. */
export type IdeaChangeData = Omit<Prisma.IdeaUpdateManyMutationInput, 'beats' | 'version'> & {
  beats?: Prisma.InputJsonValue | null;
};

const withJsonNull = ({ beats, ...data }: IdeaChangeData): Prisma.IdeaUpdateManyMutationInput =>
  beats === undefined ? data : { ...data, beats: beats === null ? Prisma.DbNull : beats };

/** The campaigns a caller may see: a client contact its client's, a review link its one campaign. */
function campaignsOf(audience: Audience): Prisma.CampaignWhereInput {
  if (audience.kind === 'agency') return {};
  return { clientId: audience.clientId, ...(audience.campaignId ? { id: audience.campaignId } : {}) };
}

/** The ideas a caller may see at all: a client contact only its own client's, once sent to it. */
function visibleTo(audience: Audience): Prisma.IdeaWhereInput {
  if (audience.kind === 'agency') return {};
  return { status: { in: [...CLIENT_VISIBLE_STATUSES] }, campaign: campaignsOf(audience) };
}

export const ideasRepository = {
  /** The campaign whose ideas are asked for, if the caller may see it. */
  findCampaign(tx: TenantTx, id: string, audience: Audience) {
    return tx.campaign.findFirst({
      where: { AND: [{ id }, campaignsOf(audience)] },
      select: { id: true, name: true },
    });
  },

  /**
   * A campaign's ideas in the order they were made (ties by id), served by
   * (tenant_id, campaign_id, created_at, id) or, by status, (tenant_id, campaign_id, status, created_at, id).
   * For a client contact only if the campaign is its client's.
   */
  listForCampaign(tx: TenantTx, campaignId: string, audience: Audience, filter: IdeaFilter) {
    return tx.idea.findMany({
      where: {
        campaignId,
        ...(audience.kind === 'client' ? { campaign: campaignsOf(audience) } : {}),
        ...(filter.statuses ? { status: { in: [...filter.statuses] } } : {}),
        type: filter.type,
        platform: filter.platform,
        ...afterKeyset(filter.after, 'asc'),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      ...(filter.take === undefined ? {} : { take: filter.take }),
      select: IDEA_FIELDS,
    });
  },

  /**
   * The ideas of the calendar the caller may see: scheduled in a range of days, or without a date
   * (`unscheduled`), by date then creation; with the names of their campaign and client.
   */
  listForCalendar(tx: TenantTx, audience: Audience, filter: CalendarIdeaFilter) {
    return tx.idea.findMany({
      where: {
        AND: [
          visibleTo(audience),
          {
            scheduledFor: 'unscheduled' in filter ? null : { gte: filter.from, lte: filter.to },
            ...(filter.statuses ? { status: { in: [...filter.statuses] } } : {}),
            platform: filter.platform,
            campaignId: filter.campaignId,
            campaign: { clientId: filter.clientId },
          },
        ],
      },
      orderBy: [{ scheduledFor: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      ...(filter.take === undefined ? {} : { take: filter.take }),
      select: {
        ...IDEA_FIELDS,
        campaign: { select: { name: true, clientId: true, client: { select: { name: true } } } },
      },
    });
  },

  findVisible(tx: TenantTx, id: string, audience: Audience) {
    return tx.idea.findFirst({ where: { id, ...visibleTo(audience) }, select: IDEA_FIELDS });
  },

  /** What the brand check reads of each campaign: its objective and its client's don'ts. */
  brandContexts(tx: TenantTx, campaignIds: string[]) {
    return tx.campaign.findMany({
      where: { id: { in: campaignIds } },
      select: { id: true, objective: true, client: { select: { dontList: true, captionMaxChars: true } } },
    });
  },

  findForChange(tx: TenantTx, id: string, audience: Audience) {
    return tx.idea.findFirst({ where: { id, ...visibleTo(audience) }, select: IDEA_FOR_CHANGE });
  },

  findManyForChange(tx: TenantTx, ids: string[], audience: Audience) {
    return tx.idea.findMany({ where: { id: { in: ids }, ...visibleTo(audience) }, select: IDEA_FOR_CHANGE });
  },

  /** Whether the idea exists for the caller, for routes about its comments and history. */
  async isVisible(tx: TenantTx, id: string, audience: Audience): Promise<boolean> {
    return (await tx.idea.count({ where: { id, ...visibleTo(audience) } })) === 1;
  },

  /**
   * Writes the change only if the idea is still at `version`, and moves it to the next version —
   * one statement, so of two writers that read the same version exactly one succeeds.
   */
  async updateAtVersion(tx: TenantTx, id: string, version: number, data: IdeaChangeData) {
    const [row] = await tx.idea.updateManyAndReturn({
      where: { id, version },
      data: { ...withJsonNull(data), version: { increment: 1 } },
      select: IDEA_FIELDS,
    });
    return row;
  },

  /** updateAtVersion for many ideas at once; returns the rows it changed (fewer: one moved meanwhile). */
  updateEachAtVersion(tx: TenantTx, ideas: { id: string; version: number }[], data: IdeaChangeData) {
    return tx.idea.updateManyAndReturn({
      where: { OR: ideas.map(({ id, version }) => ({ id, version })) },
      data: { ...withJsonNull(data), version: { increment: 1 } },
      select: IDEA_FIELDS,
    });
  },

  /** Content at a version, if the idea is in one of `statuses` (and at `version`, when given). */
  async reviseAt(
    tx: TenantTx,
    id: string,
    guard: { statuses: readonly IdeaStatus[]; version: number },
    data: IdeaChangeData,
  ) {
    const [row] = await tx.idea.updateManyAndReturn({
      where: { id, version: guard.version, status: { in: [...guard.statuses] } },
      data: { ...withJsonNull(data), version: { increment: 1 } },
      select: IDEA_FIELDS,
    });
    return row;
  },

  createRevision(
    tx: TenantTx,
    revision: {
      tenantId: string;
      ideaId: string;
      version: number;
      snapshot: Prisma.InputJsonObject;
      editedById: string | null;
    },
  ) {
    return tx.ideaRevision.create({ data: revision, select: { id: true } });
  },

  /**
   * Sending to the client: each idea's latest revision (what the client now sees) is stamped as
   * shown, unless an earlier round already showed it, and becomes the idea's sent version.
   * Two statements for any number of ideas.
   */
  async markLatestRevisionSent(tx: TenantTx, tenantId: string, ideaIds: string[]): Promise<void> {
    if (ideaIds.length === 0) return;
    await tx.$executeRaw`
      update ideas as i
         set sent_version = latest.version
        from (select idea_id, max(version) as version
                from idea_revisions
               where tenant_id = ${tenantId}::uuid and idea_id = any(${ideaIds}::uuid[])
               group by idea_id) as latest
       where i.tenant_id = ${tenantId}::uuid
         and i.id = latest.idea_id`;
    await tx.$executeRaw`
      update idea_revisions as r
         set shown_to_client_at = now()
        from (select idea_id, max(version) as version
                from idea_revisions
               where tenant_id = ${tenantId}::uuid and idea_id = any(${ideaIds}::uuid[])
               group by idea_id) as latest
       where r.tenant_id = ${tenantId}::uuid
         and r.idea_id = latest.idea_id
         and r.version = latest.version
         and r.shown_to_client_at is null`;
  },

  /** The snapshots at the given (idea, version) pairs, served by the (tenant_id, idea_id, version) unique index. */
  snapshotsAt(tx: TenantTx, versions: { ideaId: string; version: number }[]) {
    if (versions.length === 0) return Promise.resolve([]);
    return tx.ideaRevision.findMany({
      where: { OR: versions },
      select: { ideaId: true, version: true, snapshot: true },
    });
  },

  /** Newest version first, served by the (tenant_id, idea_id, version) unique index. */
  /**
   * The idea's moves into one of the client's answers, oldest first, from the audit log (served by
   * (tenant_id, entity_type, entity_id, created_at)); only the client moves an idea there.
   */
  async listAnswers(tx: TenantTx, ideaId: string) {
    const moves = await tx.activityEvent.findMany({
      where: { entityType: 'idea', entityId: ideaId, action: 'idea.status_changed' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        actorId: true,
        reviewLink: { select: { id: true, reviewerName: true } },
        data: true,
        createdAt: true,
      },
    });
    return moves.map((move) => ({ ...move, data: move.data as IdeaMoveData }));
  },

  /** The bodies of the listed comments that the client reads, by id. */
  async clientCommentBodies(tx: TenantTx, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.comment.findMany({
      where: { id: { in: [...ids] }, visibility: 'CLIENT' },
      select: { id: true, body: true },
    });
    return new Map(rows.map((row) => [row.id, row.body]));
  },

  listRevisions(
    tx: TenantTx,
    ideaId: string,
    filter: { shownOnly: boolean; beforeVersion?: number; limit: number },
  ) {
    return tx.ideaRevision.findMany({
      where: {
        ideaId,
        ...(filter.shownOnly ? { shownToClientAt: { not: null } } : {}),
        ...(filter.beforeVersion === undefined ? {} : { version: { lt: filter.beforeVersion } }),
      },
      orderBy: { version: 'desc' },
      take: filter.limit + 1,
      select: {
        id: true,
        version: true,
        snapshot: true,
        editedById: true,
        shownToClientAt: true,
        createdAt: true,
      },
    });
  },
};

export type IdeaRecord = NonNullable<Awaited<ReturnType<typeof ideasRepository.updateAtVersion>>>;
export type IdeaForChange = NonNullable<Awaited<ReturnType<typeof ideasRepository.findForChange>>>;
