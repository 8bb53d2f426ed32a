import type { BaseTx, TenantTx } from '@muse/db';

const LINK_FIELDS = {
  id: true,
  tenantId: true,
  campaignId: true,
  clientId: true,
  reviewerName: true,
  reviewerEmail: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
} as const;

export interface NewReviewLink {
  tenantId: string;
  campaignId: string;
  clientId: string;
  reviewerName: string;
  reviewerEmail: string | null;
  tokenHash: string;
  expiresAt: Date;
  createdById: string | null;
}

export const reviewLinksRepository = {
  /** Across tenants, as muse_platform: which tenant a token's link belongs to (nothing else is readable). */
  findTenantOfToken(tx: BaseTx, tokenHash: string) {
    return tx.reviewLink.findUnique({ where: { tokenHash }, select: { id: true, tenantId: true } });
  },

  findById(tx: TenantTx, id: string) {
    return tx.reviewLink.findFirst({ where: { id }, select: LINK_FIELDS });
  },

  /** The link with its agency and campaign, as its holder's session and its audit events name them. */
  findWithCampaign(tx: TenantTx, id: string) {
    return tx.reviewLink.findFirst({
      where: { id },
      select: {
        ...LINK_FIELDS,
        tenant: { select: { name: true, status: true } },
        campaign: {
          select: { id: true, name: true, brief: true, startDate: true, endDate: true },
        },
      },
    });
  },

  /** The campaign a link is made for, with what the mail names. */
  findCampaign(tx: TenantTx, id: string) {
    return tx.campaign.findFirst({
      where: { id },
      select: {
        id: true,
        name: true,
        status: true,
        clientId: true,
        tenant: { select: { name: true, logoUrl: true } },
      },
    });
  },

  /** Newest first, served by (tenant_id, campaign_id, created_at). */
  listForCampaign(tx: TenantTx, campaignId: string) {
    return tx.reviewLink.findMany({
      where: { campaignId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: LINK_FIELDS,
    });
  },

  create(tx: TenantTx, link: NewReviewLink) {
    return tx.reviewLink.create({ data: link, select: LINK_FIELDS });
  },

  /**
   * Revokes the campaign's unrevoked links of one reviewer: the same email, or, for a reviewer
   * without one, the same name among links without an email. Returns the links it revoked.
   */
  revokeSameReviewer(
    tx: TenantTx,
    campaignId: string,
    reviewer: { name: string; email: string | null },
    at: Date,
  ) {
    return tx.reviewLink.updateManyAndReturn({
      where: {
        campaignId,
        revokedAt: null,
        ...(reviewer.email
          ? { reviewerEmail: reviewer.email }
          : { reviewerEmail: null, reviewerName: { equals: reviewer.name, mode: 'insensitive' } }),
      },
      data: { revokedAt: at },
      select: LINK_FIELDS,
    });
  },

  /** Revokes one link unless it is revoked already; undefined then. */
  async revoke(tx: TenantTx, id: string, at: Date) {
    const [row] = await tx.reviewLink.updateManyAndReturn({
      where: { id, revokedAt: null },
      data: { revokedAt: at },
      select: LINK_FIELDS,
    });
    return row;
  },

  /** The campaign's links whose holders may be mailed: live, with an email, not unsubscribed. */
  mailable(tx: TenantTx, campaignId: string, now: Date) {
    return tx.reviewLink.findMany({
      where: {
        campaignId,
        revokedAt: null,
        expiresAt: { gt: now },
        emailOptOutAt: null,
        reviewerEmail: { not: null },
      },
      select: { id: true, reviewerName: true, reviewerEmail: true, expiresAt: true },
    });
  },

  markUsed(tx: TenantTx, id: string, at: Date) {
    return tx.reviewLink.updateMany({ where: { id }, data: { lastUsedAt: at } });
  },
};

export type ReviewLinkRow = NonNullable<Awaited<ReturnType<typeof reviewLinksRepository.findById>>>;
