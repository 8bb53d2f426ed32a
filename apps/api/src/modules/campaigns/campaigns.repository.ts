import type { CampaignStatus, IdeaStatus } from '@muse/contracts';
import type { Prisma, TenantTx } from '@muse/db';
import { afterKeyset, type Keyset } from '../../shared/keyset-page.ts';

const CAMPAIGN_FIELDS = {
  id: true,
  clientId: true,
  name: true,
  objective: true,
  brief: true,
  keyMessages: true,
  themes: true,
  toneOverride: true,
  platforms: true,
  startDate: true,
  endDate: true,
  numPosts: true,
  numReels: true,
  status: true,
  reviewBy: true,
  createdAt: true,
  updatedAt: true,
  client: { select: { name: true } },
} as const satisfies Prisma.CampaignSelect;

export interface CampaignFilter {
  clientId?: string;
  /** One status, or every status but ARCHIVED. */
  status?: CampaignStatus;
  after?: Keyset;
  limit: number;
}

export type IdeaCounts = Partial<Record<IdeaStatus, number>>;

export const campaignsRepository = {
  /**
   * Newest first; one row beyond the page. Served by (tenant_id, created_at, id) or, filtered,
   * by (tenant_id, client_id, status, created_at) and (tenant_id, status, created_at).
   */
  list(tx: TenantTx, filter: CampaignFilter) {
    return tx.campaign.findMany({
      where: {
        clientId: filter.clientId,
        status: filter.status ?? { not: 'ARCHIVED' },
        ...afterKeyset(filter.after, 'desc'),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.limit + 1,
      select: CAMPAIGN_FIELDS,
    });
  },

  /** The campaign, if it exists and (for a client contact) belongs to `clientId`. */
  findById(tx: TenantTx, id: string, clientId?: string) {
    return tx.campaign.findFirst({ where: { id, clientId }, select: CAMPAIGN_FIELDS });
  },

  create(tx: TenantTx, data: Prisma.CampaignUncheckedCreateInput) {
    return tx.campaign.create({ data, select: CAMPAIGN_FIELDS });
  },

  update(tx: TenantTx, id: string, data: Prisma.CampaignUncheckedUpdateInput) {
    return tx.campaign.update({ where: { id }, data, select: CAMPAIGN_FIELDS });
  },

  /** Ideas per campaign and status, for all of a page's campaigns in one grouped query. */
  async ideaCounts(
    tx: TenantTx,
    campaignIds: string[],
    statuses?: readonly IdeaStatus[],
  ): Promise<Map<string, IdeaCounts>> {
    const counts = new Map<string, IdeaCounts>(campaignIds.map((id) => [id, {}]));
    if (campaignIds.length === 0) return counts;
    const groups = await tx.idea.groupBy({
      by: ['campaignId', 'status'],
      where: { campaignId: { in: campaignIds }, ...(statuses ? { status: { in: [...statuses] } } : {}) },
      _count: { _all: true },
    });
    for (const group of groups) {
      const entry = counts.get(group.campaignId);
      if (entry) entry[group.status] = group._count._all;
    }
    return counts;
  },
};

export type CampaignRow = NonNullable<Awaited<ReturnType<typeof campaignsRepository.findById>>>;
