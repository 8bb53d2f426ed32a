import { extendContext } from '@muse/logger';
import type { RequestHandler, Response } from 'express';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { Principal } from '../modules/auth/principal.ts';

export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const principal = await auth.authenticate(req.headers.authorization);
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
