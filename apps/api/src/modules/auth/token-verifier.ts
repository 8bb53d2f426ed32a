import { verifyToken } from '@clerk/backend';
import { TokenVerificationError, TokenVerificationErrorReason } from '@clerk/backend/errors';
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
  const maxRemembered = options.maxRemembered ?? 10_000;
  const remembered = new Map<string, { identity: VerifiedIdentity; expiresAt: number }>();

  return {
    async verify(token) {
      const known = remembered.get(token);
      if (known && known.expiresAt > Date.now()) return known.identity;
      remembered.delete(token);

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
      if (remembered.size >= maxRemembered) remembered.delete(remembered.keys().next().value as string);
      remembered.set(token, { identity, expiresAt: claims.exp * 1000 });
      return identity;
    },
  };
}
