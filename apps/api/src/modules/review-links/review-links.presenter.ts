import type { ReviewLink, ReviewLinkState } from '@muse/contracts';
import type { ReviewLinkRow } from './review-links.repository.ts';

export function stateOf(link: Pick<ReviewLinkRow, 'expiresAt' | 'revokedAt'>, now: Date): ReviewLinkState {
  if (link.revokedAt) return 'REVOKED';
  return link.expiresAt <= now ? 'EXPIRED' : 'ACTIVE';
}

export function toReviewLink(link: ReviewLinkRow, now: Date): ReviewLink {
  return {
    id: link.id,
    campaignId: link.campaignId,
    reviewerName: link.reviewerName,
    reviewerEmail: link.reviewerEmail,
    state: stateOf(link, now),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
    createdAt: link.createdAt.toISOString(),
  };
}

/** The address a reviewer opens: the web's guest page, with the token in its path. */
export const reviewUrl = (webOrigin: string, token: string) => `${webOrigin}/review/${token}`;
