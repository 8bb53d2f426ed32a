import 'server-only';
import { RouteCallError } from '@muse/contracts';
import { createApi } from '@/lib/api-client/endpoints';
import { serverTransport } from '@/lib/api-client/server-transport';
import type { Session } from './session';
import { SIGN_IN_ERRORS, type SignInErrorCode } from './sign-in-errors';

/** A failure carries a code for redirects and a message for the page that shows it directly. */
export type Resolution =
  | { ok: true; session: Session }
  | { ok: false; code: SignInErrorCode; message: string };

/** The API for a signed-in identity: its own workspaces and invitations, or, naming one, that workspace. */
export function identityApi(token: string, workspace?: string) {
  return createApi(serverTransport(token, workspace));
}

function failure(error: unknown): Resolution {
  if (error instanceof RouteCallError && (error.status === 401 || error.status === 404)) {
    return { ok: false, code: 'no-account', message: SIGN_IN_ERRORS['no-account'] };
  }
  if (error instanceof RouteCallError && error.status === 403) {
    return { ok: false, code: 'blocked', message: error.message || SIGN_IN_ERRORS.blocked };
  }
  return { ok: false, code: 'unreachable', message: SIGN_IN_ERRORS.unreachable };
}

/** Asks the API who the token belongs to in `workspace`; the API's database, not the token, decides the role. */
export async function resolveUser(sub: string, token: string, workspace: string): Promise<Resolution> {
  try {
    const me = await identityApi(token, workspace).me();
    return {
      ok: true,
      session: {
        sub,
        workspace,
        userId: me.user.id,
        email: me.user.email,
        name: me.user.name,
        role: me.user.role,
        tenantName: me.tenant?.name ?? null,
        clientName: me.client?.name ?? null,
      },
    };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Right after sign-in: straight into the only workspace, or to the workspace page when there is
 * a choice to make or an invitation to accept (nobody joins an agency without accepting).
 */
export async function startSignIn(sub: string, token: string): Promise<Resolution | { ok: 'choose' }> {
  try {
    const { workspaces, invitations } = await identityApi(token).workspaces();
    const [only, ...others] = workspaces;
    if (only && others.length === 0 && invitations.length === 0) return resolveUser(sub, token, only.id);
    if (!only && invitations.length === 0) return failure(new RouteCallError(401, 'unauthenticated', ''));
    return { ok: 'choose' };
  } catch (error) {
    return failure(error);
  }
}
