import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what the link's address carries. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newReviewToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a presented token could be one of ours, before any lookup. */
export const isReviewTokenShaped = (token: string): boolean => TOKEN_SHAPE.test(token);

/** What the database keeps of a token: a leaked table opens no link. */
export function hashReviewToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
