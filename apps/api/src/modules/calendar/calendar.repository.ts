import type { BaseTx, TenantTx } from '@muse/db';

/** Days as the `date` columns hold them (midnight UTC). */
export interface DayRange {
  from: Date;
  to: Date;
}

export const calendarRepository = {
  /**
   * The campaigns (not archived) whose run or review-by date meets the range; for a client
   * contact only its client's (`clientId`).
   */
  campaignsMeeting(tx: TenantTx, range: DayRange, filter: { clientId?: string; campaignId?: string }) {
    return tx.campaign.findMany({
      where: {
        status: { not: 'ARCHIVED' },
        id: filter.campaignId,
        clientId: filter.clientId,
        OR: [
          { reviewBy: { gte: range.from, lte: range.to } },
          {
            startDate: { not: null, lte: range.to },
            OR: [{ endDate: null }, { endDate: { gte: range.from } }],
          },
          { startDate: null, endDate: { gte: range.from, lte: range.to } },
        ],
      },
      orderBy: [{ startDate: 'asc' }, { name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        clientId: true,
        startDate: true,
        endDate: true,
        reviewBy: true,
        client: { select: { name: true } },
      },
    });
  },

  /** Review rounds still waiting for the client whose review-by date falls in the range. */
  openRoundsDue(tx: TenantTx, range: DayRange, filter: { clientId?: string; campaignId?: string }) {
    return tx.reviewRound.findMany({
      where: {
        answeredAt: null,
        reviewBy: { gte: range.from, lte: range.to },
        campaignId: filter.campaignId,
        clientId: filter.clientId,
        campaign: { status: { not: 'ARCHIVED' } },
      },
      orderBy: [{ reviewBy: 'asc' }, { id: 'asc' }],
      select: { campaignId: true, reviewBy: true, campaign: { select: { name: true } } },
    });
  },

  findFeed(tx: TenantTx, userId: string) {
    return tx.calendarFeed.findFirst({ where: { userId }, select: { createdAt: true } });
  },

  /** One address per user: a new secret replaces the old one's hash, which then opens nothing. */
  saveFeed(tx: TenantTx, owner: { tenantId: string; userId: string }, tokenHash: string, at: Date) {
    return tx.calendarFeed.upsert({
      where: { tenantId_userId: owner },
      create: { ...owner, tokenHash, createdAt: at },
      update: { tokenHash, createdAt: at },
      select: { createdAt: true },
    });
  },

  /** Before any tenant is known (muse_platform): whose feed a secret opens. */
  findOwnerOfToken(tx: BaseTx, tokenHash: string) {
    return tx.calendarFeed.findUnique({ where: { tokenHash }, select: { tenantId: true, userId: true } });
  },
};
