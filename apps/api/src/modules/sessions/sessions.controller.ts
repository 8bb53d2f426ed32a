import { sessionsRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { identityOf } from '../../http/authenticate.ts';
import { sendResponse } from '../../http/validation.ts';
import type { SessionsService } from './sessions.service.ts';

export function createSessionsController(service: SessionsService) {
  return {
    async open(_req: Request, res: Response) {
      sendResponse(res, sessionsRoutes.open, await service.open(identityOf(res)));
    },

    async endCurrent(_req: Request, res: Response) {
      await service.endCurrent(identityOf(res));
      sendResponse(res, sessionsRoutes.endCurrent);
    },
  };
}
