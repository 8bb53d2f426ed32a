import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

/**
 * Links that act without a session (unsubscribe, an answer from a message) carry their own
 * proof: a payload, its purpose and its expiry, signed with LINK_SIGNING_SECRET. A token made for
 * one purpose never passes for another, and nothing but the signature and the clock is trusted.
 */
export interface TokenSigner {
  sign(purpose: string, payload: object, expiresAt: Date): string;
  /** The payload, or null when the token is malformed, tampered with, for another purpose or expired. */
  verify<T>(purpose: string, token: string, schema: z.ZodType<T>, now?: Date): T | null;
}

const encode = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

export function createTokenSigner(secret: string): TokenSigner {
  const signatureOf = (purpose: string, body: string) =>
    createHmac('sha256', secret).update(`${purpose}.${body}`).digest();

  return {
    sign(purpose, payload, expiresAt) {
      const body = encode(JSON.stringify({ d: payload, e: Math.floor(expiresAt.getTime() / 1000) }));
      return `${body}.${signatureOf(purpose, body).toString('base64url')}`;
    },

    verify(purpose, token, schema, now = new Date()) {
      const [body, signature, ...rest] = token.split('.');
      if (!body || !signature || rest.length > 0) return null;
      const expected = signatureOf(purpose, body);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const { d, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
          d: unknown;
          e: unknown;
        };
        if (typeof e !== 'number' || e * 1000 <= now.getTime()) return null;
        const parsed = schema.safeParse(d);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
