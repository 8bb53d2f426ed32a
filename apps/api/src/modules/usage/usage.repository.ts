import type { TenantTx } from '@muse/db';

export interface CampaignUsage {
  campaignId: string;
  campaignName: string;
  clientId: string;
  clientName: string;
  tokens: number;
  generations: number;
}

export const usageRepository = {
  /** Tokens and runs per campaign of the generations queued since `since`, most tokens first. */
  async byCampaign(tx: TenantTx, since: Date): Promise<CampaignUsage[]> {
    const sums = await tx.generation.groupBy({
      by: ['campaignId'],
      where: { queuedAt: { gte: since } },
      _sum: { promptTokens: true, completionTokens: true },
      _count: { _all: true },
    });
    const campaigns = await tx.campaign.findMany({
      where: { id: { in: sums.map((sum) => sum.campaignId) } },
      select: { id: true, name: true, clientId: true, client: { select: { name: true } } },
    });
    const campaignsById = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
    return sums
      .flatMap((sum) => {
        const campaign = campaignsById.get(sum.campaignId);
        if (!campaign) return [];
        return [
          {
            campaignId: campaign.id,
            campaignName: campaign.name,
            clientId: campaign.clientId,
            clientName: campaign.client.name,
            tokens: (sum._sum.promptTokens ?? 0) + (sum._sum.completionTokens ?? 0),
            generations: sum._count._all,
          },
        ];
      })
      .sort((a, b) => b.tokens - a.tokens || a.campaignName.localeCompare(b.campaignName));
  },
};
