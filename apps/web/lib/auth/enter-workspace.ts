import 'server-only';
import { isUuid } from '@muse/contracts';
import { NextResponse } from 'next/server';
import { apiTokenFor, currentIdentity } from './current-session';
import { identityApi, resolveUser } from './resolve-user';
import { HOME_BY_ROLE, safeReturnPath } from './roles';
import { SESSION_COOKIE, sealSession, sessionCookieOptions } from './session';
import { workspacePagePath } from './workspace-page';

/** The value of a form field that names a workspace or an invitation, or null for anything else. */
export function formId(form: FormData, name: string, also: readonly string[] = []): string | null {
  const value = form.get(name);
  return typeof value === 'string' && (isUuid(value) || also.includes(value)) ? value : null;
}

const see = (path: string, request: Request) => NextResponse.redirect(new URL(path, request.url), 303);

/**
 * Signs the identity in to one of its workspaces (or first accepts the invitation that makes it
 * one) and sends it home. A full page load follows, so nothing of the previous workspace stays
 * in the browser.
 */
export async function enterWorkspace(
  request: Request,
  choice: { workspace: string } | { invitation: string },
  returnTo: string | null,
): Promise<NextResponse> {
  const identity = await currentIdentity();
  const token = identity && (await apiTokenFor(identity));
  if (!identity || !token) return see('/sign-in?expired=1', request);
  const back = (error: string) =>
    see(`${workspacePagePath(returnTo)}${returnTo ? '&' : '?'}error=${error}`, request);
  let workspace: string;
  if ('invitation' in choice) {
    const accepted = await identityApi(token.token)
      .acceptInvitation(choice.invitation)
      .catch(() => null);
    if (!accepted) return back('invitation');
    workspace = accepted.id;
  } else {
    workspace = choice.workspace;
  }
  const resolution = await resolveUser(identity.sub, token.token, workspace);
  if (!resolution.ok) return back(resolution.code);
  const home = HOME_BY_ROLE[resolution.session.role];
  const target = safeReturnPath(returnTo);
  const response = see(target?.startsWith(home) ? target : home, request);
  response.cookies.set(
    SESSION_COOKIE,
    await sealSession({ ...resolution.session, sid: identity.sid, firstVisit: 'invitation' in choice }),
    sessionCookieOptions(),
  );
  return response;
}
