import { generateKeyPair, importPKCS8, SignJWT } from 'jose';
import { inject } from 'vitest';
import { TEST_WEB_ORIGIN } from './test-app.ts';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const now = () => Math.floor(Date.now() / 1000);

/** Claims of a well-formed token for `subject`; tests override one thing at a time. */
export function claimsFor(subject: string, overrides: Record<string, unknown> = {}) {
  return { sub: subject, azp: TEST_WEB_ORIGIN, iat: now(), nbf: now(), exp: now() + 300, ...overrides };
}

/** Signs arbitrary claims with the trusted key (or another key), RS256 unless told otherwise. */
export async function signClaims(claims: Record<string, unknown>, key?: SigningKey): Promise<string> {
  const signingKey = key ?? (await importPKCS8(inject('authPrivateKey'), 'RS256'));
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(signingKey);
}

export async function untrustedKey(): Promise<SigningKey> {
  return (await generateKeyPair('RS256', { modulusLength: 2048 })).privateKey;
}

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** `alg: none`: a token with no signature at all. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

/** The classic confusion attack: HS256 with the server's public key as the HMAC secret. */
export async function hmacWithPublicKey(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(inject('authPublicKey')));
}

/** Keeps the signature, swaps the payload. */
export function withPayload(token: string, claims: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${base64url(claims)}.${signature}`;
}
