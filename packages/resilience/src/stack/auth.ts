import { ensureLocalKeyPair, mintLocalToken } from '@muse/local-auth';

/** The web origin the API trusts as `azp`; every token of the suite is minted for it. */
export const WEB_ORIGIN = 'http://web.resilience.test';

/** The local key pair the API of a run trusts (under its MUSE_DATA_DIR), and tokens signed with it. */
export function createAuthority(dataDir: string) {
  const keys = ensureLocalKeyPair(dataDir);
  return {
    dataDir,
    publicKeyPem: keys.publicKeyPem,
    privateKeyPem: keys.privateKeyPem,
    /** A token as the local sign-in mints it, for a user that has signed in before. */
    async bearer(user: { authSubject: string | null }): Promise<string> {
      if (!user.authSubject) throw new Error('a token needs a user with an auth subject');
      const token = await mintLocalToken(keys.privateKeyPem, {
        subject: user.authSubject,
        authorizedParty: WEB_ORIGIN,
      });
      return `Bearer ${token}`;
    },
  };
}

export type Authority = ReturnType<typeof createAuthority>;
