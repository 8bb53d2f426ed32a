import { activityRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { principalOf } from '../../http/authenticate.ts';
import { parseRequest, sendResponse } from '../../http/validation.ts';
import type { ActivityService } from './activity.service.ts';

export function createActivityController(service: ActivityService) {
  return {
    async list(req: Request, res: Response) {
      const { query } = parseRequest(activityRoutes.list, req);
      sendResponse(res, activityRoutes.list, await service.list(principalOf(res), query));
    },
  };
}
