import { LIVE_STREAM_TOKEN_SECONDS, type LiveStreamToken } from '@muse/contracts';
import { z } from 'zod';
import type { TokenSigner } from '../../shared/signed-token.ts';
import { LiveReader } from './live.audience.ts';

const PURPOSE = 'live-stream';

const Claims = z.strictObject({ reader: LiveReader, endsAt: z.int() });

/** Who a stream is for and when it ends (its token's expiry). */
export interface LiveStreamGrant {
  reader: LiveReader;
  endsAt: Date;
}

/**
 * EventSource cannot send headers, so a stream opens with a token in its address instead of the
 * caller's session or review link: signed for this purpose only, short-lived (the stream ends
 * when it does), and carrying the reader as the normal pipeline authenticated it when it was issued.
 */
export function createLiveTokens(signer: TokenSigner) {
  return {
    issue(reader: LiveReader, now = new Date()): LiveStreamToken {
      const expiresAt = new Date(now.getTime() + LIVE_STREAM_TOKEN_SECONDS * 1000);
      return {
        token: signer.sign(PURPOSE, { reader, endsAt: expiresAt.getTime() }, expiresAt),
        expiresAt: expiresAt.toISOString(),
      };
    },

    /** The grant, or null for a token that is malformed, tampered with, for another purpose or expired. */
    verify(token: string): LiveStreamGrant | null {
      const claims = signer.verify(PURPOSE, token, Claims);
      return claims && { reader: claims.reader, endsAt: new Date(claims.endsAt) };
    },
  };
}

export type LiveTokens = ReturnType<typeof createLiveTokens>;
