import { RouteCallError } from '@muse/contracts';

/** Why a review link opens nothing: it expired, the agency took it back, or it never was one. */
export type ClosedLink = 'expired' | 'revoked' | 'invalid';

/** The link's own token (32 bytes), or the signed address of it that a message carries. */
const TOKEN_SHAPE = /^(?:[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{16,1000}\.[A-Za-z0-9_-]{43})$/;

/** Whether an address's token could be a link's at all, before asking the API. */
export const isReviewTokenShaped = (token: string) => TOKEN_SHAPE.test(token);

/** The reason the API gave for refusing a link; null for any other failure (worth a retry). */
export function closedLinkOf(error: unknown): ClosedLink | null {
  if (!(error instanceof RouteCallError)) return null;
  if (error.code === 'review_link_expired') return 'expired';
  if (error.code === 'review_link_revoked') return 'revoked';
  return error.status === 401 ? 'invalid' : null;
}
