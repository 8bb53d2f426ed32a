import { verifyToken } from '@clerk/backend';
import { TokenVerificationError, TokenVerificationErrorReason } from '@clerk/backend/errors';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../http/app-error.ts';

export interface VerifiedIdentity {
  subject: string;
  /** Present only when the identity provider vouches for it (`email_verified: true`). */
  email?: string;
  /** The token's `sid`: in local sign-in, the API's session it belongs to (see sessions.service.ts). */
  sessionId?: string;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedIdentity>;
}

export interface TokenVerifierOptions {
  jwtKey: string;
  authorizedParties: readonly string[];
  /** Verified tokens remembered until they expire. */
  maxRemembered?: number;
}

/**
 * Verifies a session token with the identity provider's public key, without a network call:
 * signature (RS256 only), `exp`/`nbf`/`iat` with a small clock skew, `sub`, and `azp` against
 * the authorized parties. Clerk's key in clerk mode, the local key pair in local mode.
 *
 * The RSA check is the costliest step of most requests, and a token that verified once stays
 * valid until its `exp`: so verified tokens are remembered, keyed by the whole token, until then.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const verifyOptions = { jwtKey: options.jwtKey, authorizedParties: [...options.authorizedParties] };
  // Each entry lives until its token's `exp`; the clock is read on every lookup, so none outlives it.
  const remembered = new LRUCache<string, VerifiedIdentity>({
    max: options.maxRemembered ?? 10_000,
    ttlResolution: 0,
    perf: { now: () => Date.now() },
  });

  return {
    async verify(token) {
      const known = remembered.get(token);
      if (known) return known;

      let claims: Awaited<ReturnType<typeof verifyToken>>;
      try {
        claims = await verifyToken(token, verifyOptions);
      } catch (error) {
        const expired =
          error instanceof TokenVerificationError &&
          error.reason === TokenVerificationErrorReason.TokenExpired;
        throw new AppError('unauthenticated', expired ? 'The token has expired' : 'The token is not valid', {
          cause: error,
        });
      }
      const email =
        claims.email_verified === true && typeof claims.email === 'string'
          ? claims.email.toLowerCase()
          : undefined;
      const identity: VerifiedIdentity = {
        subject: claims.sub,
        ...(email ? { email } : {}),
        ...(typeof claims.sid === 'string' ? { sessionId: claims.sid } : {}),
      };
      const ttl = claims.exp * 1000 - Date.now();
      if (ttl > 0) remembered.set(token, identity, { ttl });
      return identity;
    },
  };
}
