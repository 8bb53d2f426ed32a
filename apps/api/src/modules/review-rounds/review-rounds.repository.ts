import type { BaseTx, Prisma, TenantTx } from '@muse/db';
import { toCalendarDate } from '../../shared/calendar-date.ts';

const ROUND_FIELDS = {
  id: true,
  campaignId: true,
  clientId: true,
  sentById: true,
  reviewBy: true,
  announcedAt: true,
  answeredAt: true,
  nextReminderAt: true,
  remindersSent: true,
  lastRemindedAt: true,
  escalatedAt: true,
  createdAt: true,
} as const satisfies Prisma.ReviewRoundSelect;

const CADENCE_FIELDS = {
  reminderFirstAfterDays: true,
  reminderEveryDays: true,
  reminderLimit: true,
} as const satisfies Prisma.ClientSelect;

/** A round with what its reminders name: the campaign, and the client with its cadence. */
const ROUND_FOR_REMINDER = {
  ...ROUND_FIELDS,
  campaign: { select: { name: true } },
  client: { select: { name: true, ...CADENCE_FIELDS } },
} as const satisfies Prisma.ReviewRoundSelect;

export type RoundRecord = Prisma.ReviewRoundGetPayload<{ select: typeof ROUND_FIELDS }>;
export type RoundForReminder = Prisma.ReviewRoundGetPayload<{ select: typeof ROUND_FOR_REMINDER }>;

/** The reminder state a claim writes. */
export interface ReminderWrite {
  remindedAt: Date;
  nextReminderAt: Date | null;
}

export const reviewRoundsRepository = {
  /** The campaign's client with its cadence, and the campaign's own review-by date. */
  campaignForSending(tx: TenantTx, campaignId: string) {
    return tx.campaign.findFirst({
      where: { id: campaignId },
      select: { clientId: true, reviewBy: true, client: { select: CADENCE_FIELDS } },
    });
  },

  /** The campaign's round that gathers sendings: not announced and not answered yet. */
  findGathering(tx: TenantTx, campaignId: string) {
    return tx.reviewRound.findFirst({
      where: { campaignId, announcedAt: null, answeredAt: null },
      select: ROUND_FIELDS,
    });
  },

  /**
   * Opens the campaign's gathering round; a round opened meanwhile by another sending wins
   * (the partial unique index), and the caller joins it: undefined here.
   */
  async openGathering(
    tx: TenantTx,
    round: {
      tenantId: string;
      campaignId: string;
      clientId: string;
      sentById: string | null;
      reviewBy: Date | null;
      sentAt: Date;
      nextReminderAt: Date | null;
    },
  ): Promise<string | undefined> {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      insert into review_rounds
        (tenant_id, campaign_id, client_id, sent_by_id, review_by, created_at, next_reminder_at)
      values (${round.tenantId}::uuid, ${round.campaignId}::uuid, ${round.clientId}::uuid,
              ${round.sentById}::uuid, ${toCalendarDate(round.reviewBy)}::date, ${round.sentAt}, ${round.nextReminderAt})
      on conflict (tenant_id, campaign_id) where announced_at is null and answered_at is null
      do nothing
      returning id`;
    return row?.id;
  },

  /** The sending is announced: its round stops gathering, and the next sending opens a round of its own. */
  async announceGathering(tx: TenantTx, campaignId: string, at: Date): Promise<void> {
    await tx.reviewRound.updateMany({
      where: { campaignId, announcedAt: null, answeredAt: null },
      data: { announcedAt: at },
    });
  },

  setReviewBy(tx: TenantTx, id: string, reviewBy: Date, nextReminderAt: Date | null) {
    return tx.reviewRound.update({ where: { id }, data: { reviewBy, nextReminderAt }, select: { id: true } });
  },

  async assignIdeas(tx: TenantTx, roundId: string, ideaIds: string[]): Promise<void> {
    await tx.idea.updateMany({ where: { id: { in: ideaIds } }, data: { reviewRoundId: roundId } });
  },

  /**
   * The rounds of these ideas that no idea waits in any more are answered: their reminders stop.
   * One statement for any number of ideas; returns the rounds it answered.
   */
  async answerEmptiedRounds(tx: TenantTx, tenantId: string, ideaIds: string[], at: Date): Promise<string[]> {
    if (ideaIds.length === 0) return [];
    const rows = await tx.$queryRaw<{ id: string }[]>`
      update review_rounds as r
         set answered_at = ${at}, next_reminder_at = null
       where r.tenant_id = ${tenantId}::uuid
         and r.answered_at is null
         and r.id in (select review_round_id from ideas
                       where tenant_id = ${tenantId}::uuid and id = any(${ideaIds}::uuid[]))
         and not exists (select 1 from ideas as i
                          where i.tenant_id = r.tenant_id and i.review_round_id = r.id
                            and i.status = 'PENDING_CLIENT')
       returning r.id`;
    return rows.map((row) => row.id);
  },

  /** Rounds whose reminder is due, across tenants (platform scope), earliest first. */
  listDueReminders(tx: BaseTx, now: Date, limit: number) {
    return tx.reviewRound.findMany({
      where: { answeredAt: null, nextReminderAt: { lte: now } },
      orderBy: { nextReminderAt: 'asc' },
      take: limit,
      select: { id: true, tenantId: true, nextReminderAt: true },
    });
  },

  /** Unanswered rounds whose review-by date is before `today` and that were not escalated (platform scope). */
  listDueEscalations(tx: BaseTx, today: Date, limit: number) {
    return tx.reviewRound.findMany({
      where: { answeredAt: null, escalatedAt: null, reviewBy: { lt: today } },
      orderBy: { reviewBy: 'asc' },
      take: limit,
      select: { id: true, tenantId: true },
    });
  },

  findForReminder(tx: TenantTx, id: string) {
    return tx.reviewRound.findFirst({ where: { id }, select: ROUND_FOR_REMINDER });
  },

  /** The round, locked until the caller's transaction ends. */
  async lock(tx: TenantTx, id: string): Promise<boolean> {
    const rows = await tx.$queryRaw<unknown[]>`select 1 from review_rounds where id = ${id}::uuid for update`;
    return rows.length > 0;
  },

  /**
   * Takes the reminder that was due at `due`: of two workers that read the same due round, one
   * writes it and the other finds it already moved on (false).
   */
  async claimReminder(tx: TenantTx, id: string, due: Date, write: ReminderWrite): Promise<boolean> {
    const claimed = await tx.$executeRaw`
      update review_rounds
         set reminders_sent = reminders_sent + 1,
             last_reminded_at = ${write.remindedAt},
             next_reminder_at = ${write.nextReminderAt}
       where id = ${id}::uuid and answered_at is null and next_reminder_at = ${due}`;
    return claimed === 1;
  },

  /** Moves a due reminder the cadence no longer owes, unless another sweep moved it first. */
  async reschedule(tx: TenantTx, id: string, due: Date, next: Date | null): Promise<void> {
    await tx.$executeRaw`
      update review_rounds set next_reminder_at = ${next}
       where id = ${id}::uuid and answered_at is null and next_reminder_at = ${due}`;
  },

  /** A reminder sent out of turn ("remind now") on a round the caller holds locked. */
  recordReminder(tx: TenantTx, id: string, write: ReminderWrite) {
    return tx.reviewRound.update({
      where: { id },
      data: {
        remindersSent: { increment: 1 },
        lastRemindedAt: write.remindedAt,
        nextReminderAt: write.nextReminderAt,
      },
      select: ROUND_FIELDS,
    });
  },

  /** Marks the round escalated unless it was (or was answered) meanwhile; true for the one caller that did. */
  async claimEscalation(tx: TenantTx, id: string, today: Date, at: Date): Promise<boolean> {
    const claimed = await tx.$executeRaw`
      update review_rounds set escalated_at = ${at}
       where id = ${id}::uuid and escalated_at is null and answered_at is null and review_by < ${toCalendarDate(today)}::date`;
    return claimed === 1;
  },

  /** Ideas of each round still waiting for the client. */
  async pendingCounts(tx: TenantTx, roundIds: string[]): Promise<Map<string, number>> {
    if (roundIds.length === 0) return new Map();
    const rows = await tx.idea.groupBy({
      by: ['reviewRoundId'],
      where: { reviewRoundId: { in: roundIds }, status: 'PENDING_CLIENT' },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.reviewRoundId ?? '', row._count._all]));
  },

  /** Newest first. */
  listForCampaign(tx: TenantTx, campaignId: string) {
    return tx.reviewRound.findMany({
      where: { campaignId },
      orderBy: { createdAt: 'desc' },
      select: ROUND_FIELDS,
    });
  },

  campaignExists(tx: TenantTx, campaignId: string) {
    return tx.campaign.findFirst({ where: { id: campaignId }, select: { id: true } });
  },

  /** The agency as its mail shows it: its name and logo. */
  agencyOf(tx: TenantTx, tenantId: string) {
    return tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, logoUrl: true } });
  },

  /** Who hears that a round went overdue: the active agency user who sent it, and the agency's admins. */
  async overdueRecipients(tx: TenantTx, sentById: string | null): Promise<string[]> {
    const users = await tx.user.findMany({
      where: {
        status: 'ACTIVE',
        OR: [
          { role: 'AGENCY_ADMIN' },
          ...(sentById ? [{ id: sentById, role: { not: 'CLIENT' as const } }] : []),
        ],
      },
      select: { id: true },
    });
    return users.map((user) => user.id);
  },

  /** The client's active contacts. */
  clientContacts(tx: TenantTx, clientId: string) {
    return tx.user.findMany({
      where: { clientId, role: 'CLIENT', status: 'ACTIVE' },
      select: { id: true, email: true, name: true },
    });
  },
};
