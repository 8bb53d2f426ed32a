import { WORKSPACE_HEADER } from '@muse/contracts';
import { extendContext } from '@muse/request-context';
import type { RequestHandler, Response } from 'express';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { Principal } from '../modules/auth/principal.ts';
import type { VerifiedIdentity } from '../modules/auth/token-verifier.ts';
import { requestedWorkspace } from '../modules/auth/workspace.ts';

export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const workspace = requestedWorkspace(req.get(WORKSPACE_HEADER));
    const principal = await auth.authenticate(req.headers.authorization, workspace);
    res.locals.principal = principal;
    extendContext({
      userId: principal.userId,
      ...(principal.tenantId ? { tenantId: principal.tenantId } : {}),
    });
    next();
  };
}

/** The signed-in caller of a non-public route (authenticate ran before the handler). */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf called on a route without authentication');
  return principal;
}

/** For routes of the identity itself (its workspaces, its invitations): a verified token, no membership. */
export function identify(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    res.locals.identity = await auth.identify(req.headers.authorization);
    next();
  };
}

export function identityOf(res: Response): VerifiedIdentity {
  const identity = res.locals.identity as VerifiedIdentity | undefined;
  if (!identity) throw new Error('identityOf called on a route without identification');
  return identity;
}
