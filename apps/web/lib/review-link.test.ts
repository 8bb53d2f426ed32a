import { RouteCallError } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { closedLinkOf, isReviewTokenShaped } from './review-link';

const refusal = (status: number, code: string) =>
  new RouteCallError(status, code, 'refused', { requestId: 'r-1' });

describe('review links', () => {
  it('reads why the API refused a link', () => {
    expect(closedLinkOf(refusal(410, 'review_link_expired'))).toBe('expired');
    expect(closedLinkOf(refusal(410, 'review_link_revoked'))).toBe('revoked');
    expect(closedLinkOf(refusal(401, 'unauthenticated'))).toBe('invalid');
    expect(closedLinkOf(refusal(503, 'unavailable'))).toBeNull();
    expect(closedLinkOf(new TypeError('offline'))).toBeNull();
  });

  it('knows a token by its shape: 32 bytes in base64url, or a signed address from a message', () => {
    expect(isReviewTokenShaped('a'.repeat(43))).toBe(true);
    expect(isReviewTokenShaped(`${'b'.repeat(80)}.${'c'.repeat(43)}`)).toBe(true);
    expect(isReviewTokenShaped(`${'b'.repeat(80)}.${'c'.repeat(42)}`)).toBe(false);
    expect(isReviewTokenShaped(`${'a'.repeat(42)}=`)).toBe(false);
    expect(isReviewTokenShaped('a'.repeat(44))).toBe(false);
  });
});
