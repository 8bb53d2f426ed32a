import { createHash, randomBytes } from 'node:crypto';

/**
 * The secrets that addresses carry (a review link, a calendar feed): 32 random bytes, base64url.
 * Only their hash is stored.
 */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newSecretToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a presented token could be one of ours, before any lookup. */
export const isSecretTokenShaped = (token: string): boolean => TOKEN_SHAPE.test(token);

/** What the database keeps of a token: a leaked table opens nothing. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
