import { meRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { principalOf } from '../../http/authenticate.ts';
import { sendResponse } from '../../http/validation.ts';
import type { MeService } from './me.service.ts';

export function createMeController(service: MeService) {
  return {
    get(_req: Request, res: Response) {
      sendResponse(res, meRoutes.get, service.get(principalOf(res)));
    },
  };
}
