import { randomUUID } from 'node:crypto';
import { mintLocalToken } from '@muse/local-auth';
import { generateKeyPair, importPKCS8, SignJWT } from 'jose';
import { type Authority, WEB_ORIGIN } from '../stack/auth.ts';

/** One way of presenting a token the API must refuse, and the answer it must give. */
export interface Attack {
  name: string;
  status: 401 | 403;
  /** The `details[0].reason` a 403 must carry, so a role check cannot pass for the block. */
  reason?: 'user_disabled' | 'tenant_suspended';
  /** The Authorization header, or undefined for none at all. */
  authorization: string | undefined;
}

const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claimsFor(subject: string, overrides: Record<string, unknown> = {}) {
  return { sub: subject, azp: WEB_ORIGIN, iat: now(), nbf: now(), exp: now() + 300, ...overrides };
}

/**
 * Tokens the API must refuse, aimed at `subjects.target` (a user allowed on the route): each is
 * signed or shaped so that only the API's checks stand between it and the data.
 */
export async function forgeAttacks(
  authority: Authority,
  subjects: { target: string; otherUser: string; disabled: string; suspended: string },
): Promise<Attack[]> {
  const trusted = await importPKCS8(authority.privateKeyPem, 'RS256');
  const untrusted = (await generateKeyPair('RS256', { modulusLength: 2048 })).privateKey;
  const sign = (claims: Record<string, unknown>, key = trusted) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key);
  const bearer = (token: string) => `Bearer ${token}`;
  const valid = (subject: string) =>
    mintLocalToken(authority.privateKeyPem, { subject, authorizedParty: WEB_ORIGIN });

  const otherUsersToken = await valid(subjects.otherUser);
  const [header, , signature] = otherUsersToken.split('.');
  const without = (claim: string) =>
    Object.fromEntries(Object.entries(claimsFor(subjects.target)).filter(([name]) => name !== claim));
  const unauthenticated = (name: string, authorization: string | undefined): Attack => ({
    name,
    status: 401,
    authorization,
  });

  return [
    unauthenticated('no token', undefined),
    unauthenticated('not a JWT', bearer('not-a-jwt')),
    unauthenticated(
      'expired',
      bearer(
        await sign(claimsFor(subjects.target, { iat: now() - 600, nbf: now() - 600, exp: now() - 120 })),
      ),
    ),
    unauthenticated(
      'not yet valid',
      bearer(await sign(claimsFor(subjects.target, { nbf: now() + 600, exp: now() + 1200 }))),
    ),
    unauthenticated('without exp', bearer(await sign(without('exp')))),
    unauthenticated('without sub', bearer(await sign(without('sub')))),
    // Another agency's admin's genuine token with the payload swapped for the target's: the signature no longer matches.
    unauthenticated(
      'tampered payload',
      bearer(`${header}.${base64url(claimsFor(subjects.target))}.${signature}`),
    ),
    unauthenticated('signed with another key', bearer(await sign(claimsFor(subjects.target), untrusted))),
    unauthenticated(
      'alg none',
      bearer(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claimsFor(subjects.target))}.`),
    ),
    unauthenticated(
      'HS256 signed with the public key',
      bearer(
        await new SignJWT(claimsFor(subjects.target))
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .sign(new TextEncoder().encode(authority.publicKeyPem)),
      ),
    ),
    unauthenticated(
      'wrong azp',
      bearer(await sign(claimsFor(subjects.target, { azp: 'https://evil.example' }))),
    ),
    unauthenticated('unknown sub', bearer(await valid(`resilience|${randomUUID()}`))),
    {
      name: 'disabled user',
      status: 403,
      reason: 'user_disabled',
      authorization: bearer(await valid(subjects.disabled)),
    },
    {
      name: 'user of a suspended agency',
      status: 403,
      reason: 'tenant_suspended',
      authorization: bearer(await valid(subjects.suspended)),
    },
  ];
}
