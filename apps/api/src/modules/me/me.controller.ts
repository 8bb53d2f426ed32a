import { meRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { identityOf, principalOf } from '../../http/authenticate.ts';
import { parseRequest, sendResponse } from '../../http/validation.ts';
import type { MeService } from './me.service.ts';

export function createMeController(service: MeService) {
  return {
    get(_req: Request, res: Response) {
      sendResponse(res, meRoutes.get, service.get(principalOf(res)));
    },

    async workspaces(_req: Request, res: Response) {
      sendResponse(res, meRoutes.workspaces, await service.workspaces(identityOf(res)));
    },

    async acceptInvitation(req: Request, res: Response) {
      const { params } = parseRequest(meRoutes.acceptInvitation, req);
      sendResponse(
        res,
        meRoutes.acceptInvitation,
        await service.acceptInvitation(identityOf(res), params.id),
      );
    },
  };
}
