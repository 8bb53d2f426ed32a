import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureLocalKeyPair, keyPaths, localSubject, mintLocalToken } from './index.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-auth-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('local auth', () => {
  it('when no key pair exists, then one is generated once and reused', () => {
    const dir = tempDir();
    const first = ensureLocalKeyPair(dir);
    const second = ensureLocalKeyPair(dir);
    expect(second).toEqual(first);
    expect(first.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(fs.statSync(keyPaths(dir).privateKey).mode & 0o077).toBe(0);
  });

  it('when the key pair is generated, then both files are 0600 and their folder 0700', () => {
    const dir = tempDir();
    ensureLocalKeyPair(dir);
    const paths = keyPaths(dir);
    const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
    expect(modeOf(paths.privateKey)).toBe(0o600);
    expect(modeOf(paths.publicKey)).toBe(0o600);
    expect(modeOf(paths.dir)).toBe(0o700);
  });

  it('when minting a token, then it is RS256 with sub, exp, azp and a verified email', async () => {
    const keys = ensureLocalKeyPair(tempDir());
    const token = await mintLocalToken(keys.privateKeyPem, {
      subject: localSubject('Owner@Northwind.test'),
      email: 'Owner@Northwind.test',
      authorizedParty: 'http://localhost:3000',
      ttlSeconds: 60,
    });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, await importSPKI(keys.publicKeyPem, 'RS256'));
    expect(payload).toMatchObject({
      sub: 'local:owner@northwind.test',
      azp: 'http://localhost:3000',
      email: 'owner@northwind.test',
      email_verified: true,
    });
    expect((decodeJwt(token).exp ?? 0) - (decodeJwt(token).iat ?? 0)).toBe(60);
  });

  it('when minting a token for a session, then it names the session as sid, and only then', async () => {
    const keys = ensureLocalKeyPair(tempDir());
    const claims = { subject: 'local:owner@northwind.test', authorizedParty: 'http://localhost:3000' };
    const sessionId = '6f1c2c1e-8a4b-4c5d-9e2f-0a1b2c3d4e5f';
    expect(decodeJwt(await mintLocalToken(keys.privateKeyPem, { ...claims, sessionId })).sid).toBe(sessionId);
    expect(decodeJwt(await mintLocalToken(keys.privateKeyPem, claims))).not.toHaveProperty('sid');
  });
});
