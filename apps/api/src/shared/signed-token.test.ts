import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenSigner } from './signed-token.ts';

const signer = createTokenSigner('a-secret-of-at-least-thirty-two-characters');
const Payload = z.object({ userId: z.string() });
const inAnHour = () => new Date(Date.now() + 3_600_000);

describe('signed tokens', () => {
  it('when a token is verified for its purpose before it expires, then its payload comes back', () => {
    const token = signer.sign('unsubscribe', { userId: 'u1' }, inAnHour());
    expect(signer.verify('unsubscribe', token, Payload)).toEqual({ userId: 'u1' });
  });

  it('when a token is used for another purpose, then it is refused', () => {
    const token = signer.sign('unsubscribe', { userId: 'u1' }, inAnHour());
    expect(signer.verify('approve', token, Payload)).toBeNull();
  });

  it('when a token has expired, then it is refused', () => {
    const token = signer.sign('unsubscribe', { userId: 'u1' }, new Date(Date.now() + 1_000));
    expect(signer.verify('unsubscribe', token, Payload, new Date(Date.now() + 2_000))).toBeNull();
  });

  it('when the payload is changed, or the token was signed with another secret, then it is refused', () => {
    const token = signer.sign('unsubscribe', { userId: 'u1' }, inAnHour());
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ d: { userId: 'u2' }, e: 9_999_999_999 })).toString('base64url')}.${signature}`;
    expect(signer.verify('unsubscribe', forged, Payload)).toBeNull();
    const other = createTokenSigner('another-secret-of-at-least-thirty-two-chars');
    expect(other.verify('unsubscribe', token, Payload)).toBeNull();
  });

  it('when the token is malformed or its payload has the wrong shape, then it is refused', () => {
    expect(signer.verify('unsubscribe', 'not-a-token', Payload)).toBeNull();
    expect(signer.verify('unsubscribe', 'a.b.c', Payload)).toBeNull();
    const token = signer.sign('unsubscribe', { linkId: 7 }, inAnHour());
    expect(signer.verify('unsubscribe', token, Payload)).toBeNull();
  });
});
