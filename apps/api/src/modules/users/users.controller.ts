import { userRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { principalOf } from '../../http/authenticate.ts';
import { parseRequest, sendResponse } from '../../http/validation.ts';
import type { UsersService } from './users.service.ts';

export function createUsersController(service: UsersService) {
  return {
    async list(req: Request, res: Response) {
      const { query } = parseRequest(userRoutes.list, req);
      sendResponse(res, userRoutes.list, await service.list(principalOf(res), query));
    },

    async invite(req: Request, res: Response) {
      const { body } = parseRequest(userRoutes.invite, req);
      sendResponse(res, userRoutes.invite, await service.invite(principalOf(res), body));
    },

    async update(req: Request, res: Response) {
      const { params, body } = parseRequest(userRoutes.update, req);
      sendResponse(res, userRoutes.update, await service.update(principalOf(res), params.id, body));
    },
  };
}
