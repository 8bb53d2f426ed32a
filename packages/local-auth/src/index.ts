import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { importPKCS8, SignJWT } from 'jose';

/**
 * Local sign-in for development, tests and demos: an RSA key pair kept under the data folder,
 * and tokens shaped like the identity provider's (RS256, sub, exp, azp, email), so the API
 * verifies both with one code path.
 */

export interface LocalKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

export const LOCAL_ISSUER = 'muse-local';

export function keyPaths(dataDir: string) {
  const dir = path.join(dataDir, 'auth');
  return {
    dir,
    privateKey: path.join(dir, 'local-jwt-private.pem'),
    publicKey: path.join(dir, 'local-jwt-public.pem'),
  };
}

/** Reads the key pair, generating it on first use. */
export function ensureLocalKeyPair(dataDir: string): LocalKeyPair {
  const paths = keyPaths(dataDir);
  // The folder is known only at run time: the comments keep the web app's bundler from tracing it.
  if (
    !fs.existsSync(/*turbopackIgnore: true*/ paths.privateKey) ||
    !fs.existsSync(/*turbopackIgnore: true*/ paths.publicKey)
  ) {
    // Owner-only is for the auth folder, not the data folder above it: the `postgres` user must pass that.
    fs.mkdirSync(dataDir, { recursive: true });
    fs.mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    // Write to temporary names first so a concurrent reader never sees half a pair.
    const suffix = `.${process.pid}.tmp`;
    fs.writeFileSync(paths.privateKey + suffix, privateKey, { mode: 0o600 });
    fs.writeFileSync(paths.publicKey + suffix, publicKey, { mode: 0o600 });
    fs.renameSync(paths.privateKey + suffix, paths.privateKey);
    fs.renameSync(paths.publicKey + suffix, paths.publicKey);
  }
  return {
    privateKeyPem: fs.readFileSync(/*turbopackIgnore: true*/ paths.privateKey, 'utf8'),
    publicKeyPem: fs.readFileSync(/*turbopackIgnore: true*/ paths.publicKey, 'utf8'),
  };
}

export interface LocalTokenClaims {
  subject: string;
  email?: string;
  /** The web origin the token is for (checked by the API as `azp`). */
  authorizedParty: string;
  ttlSeconds?: number;
  /** The API's sign-in session the token belongs to (`sid`): the API refuses it once that ends. */
  sessionId?: string;
}

export async function mintLocalToken(privateKeyPem: string, claims: LocalTokenClaims): Promise<string> {
  const key = await importPKCS8(privateKeyPem, 'RS256');
  const jwt = new SignJWT({
    azp: claims.authorizedParty,
    ...(claims.email ? { email: claims.email.toLowerCase(), email_verified: true } : {}),
    ...(claims.sessionId ? { sid: claims.sessionId } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(LOCAL_ISSUER)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(`${claims.ttlSeconds ?? 3600}s`);
  return jwt.sign(key);
}

/** Subject of a seeded demo user's local tokens. */
export function localSubject(email: string): string {
  return `local:${email.toLowerCase()}`;
}
