'use server';

import { localSubject } from '@muse/local-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { mintLocalApiToken } from '@/lib/auth/api-token';
import { openLocalSession } from '@/lib/auth/local-session';
import { startSignIn } from '@/lib/auth/resolve-user';
import { HOME_BY_ROLE, safeReturnPath } from '@/lib/auth/roles';
import {
  IDENTITY_COOKIE,
  SESSION_COOKIE,
  sealIdentity,
  sealSession,
  sessionCookieOptions,
} from '@/lib/auth/session';
import { SIGN_IN_ERRORS } from '@/lib/auth/sign-in-errors';
import { workspacePagePath } from '@/lib/auth/workspace-page';
import { serverConfig } from '@/lib/server-config';

export interface SignInState {
  error?: string;
  email?: string;
}

const SignInForm = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address like name@agency.com')),
  returnTo: z.string().optional(),
});

/** Local mode: sign in as a seeded or invited user by minting a token with the local key pair. */
export async function signInLocally(_previous: SignInState, form: FormData): Promise<SignInState> {
  if (serverConfig.AUTH_MODE !== 'local') return { error: 'Local sign-in is turned off.' };
  const parsed = SignInForm.safeParse({
    email: form.get('email'),
    returnTo: form.get('returnTo') ?? undefined,
  });
  if (!parsed.success)
    return { error: parsed.error.issues[0]?.message, email: String(form.get('email') ?? '') };
  const { email, returnTo } = parsed.data;
  const identity = { sub: localSubject(email), email };
  const start = await startSignIn(identity.sub, (await mintLocalApiToken(identity)).token);
  if (start.ok === false) return { error: start.message, email };
  // Only a known identity gets a session; every token of the cookies names it from here on.
  const sid = await openLocalSession(identity);
  if (!sid) return { error: SIGN_IN_ERRORS.unreachable, email };
  const jar = await cookies();
  jar.set(IDENTITY_COOKIE, await sealIdentity({ ...identity, sid }), sessionCookieOptions());
  const back = safeReturnPath(returnTo);
  if (start.ok === 'choose') redirect(workspacePagePath(back));
  jar.set(SESSION_COOKIE, await sealSession({ ...start.session, sid }), sessionCookieOptions());
  const home = HOME_BY_ROLE[start.session.role];
  redirect(back?.startsWith(home) ? back : home);
}
