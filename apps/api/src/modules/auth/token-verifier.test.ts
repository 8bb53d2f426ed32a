import { generateKeyPairSync } from 'node:crypto';
import { mintLocalToken } from '@muse/local-auth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier } from './token-verifier.ts';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const PARTY = 'https://app.muse.example';
const verifier = () => createTokenVerifier({ jwtKey: keys.publicKey, authorizedParties: [PARTY] });

afterEach(() => {
  vi.useRealTimers();
});

describe('token verifier', () => {
  it('when the token carries a verified email, then the identity has it lower-cased', async () => {
    const token = await mintLocalToken(keys.privateKey, {
      subject: 's1',
      email: 'Ann@Example.test',
      authorizedParty: PARTY,
    });
    expect(await verifier().verify(token)).toEqual({ subject: 's1', email: 'ann@example.test' });
  });

  it('when a remembered token reaches its exp, then it is refused like any expired token', async () => {
    const tokens = verifier();
    const token = await mintLocalToken(keys.privateKey, {
      subject: 's2',
      authorizedParty: PARTY,
      ttlSeconds: 30,
    });
    expect((await tokens.verify(token)).subject).toBe('s2');
    vi.useFakeTimers({ now: Date.now() + 60_000 });
    await expect(tokens.verify(token)).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'The token has expired',
    });
  });

  it('when a token was refused once, then it is refused again (failures are not remembered as successes)', async () => {
    const token = await mintLocalToken(keys.privateKey, {
      subject: 's3',
      authorizedParty: 'https://other.example',
    });
    const tokens = verifier();
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
