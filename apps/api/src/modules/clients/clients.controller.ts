import { clientRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { principalOf } from '../../http/authenticate.ts';
import { parseRequest, sendResponse } from '../../http/validation.ts';
import type { ClientsService } from './clients.service.ts';

export function createClientsController(service: ClientsService) {
  return {
    async list(req: Request, res: Response) {
      const { query } = parseRequest(clientRoutes.list, req);
      sendResponse(res, clientRoutes.list, await service.list(principalOf(res), query));
    },

    async create(req: Request, res: Response) {
      const { body } = parseRequest(clientRoutes.create, req);
      sendResponse(res, clientRoutes.create, await service.create(principalOf(res), body));
    },

    async get(req: Request, res: Response) {
      const { params } = parseRequest(clientRoutes.get, req);
      sendResponse(res, clientRoutes.get, await service.get(principalOf(res), params.id));
    },

    async update(req: Request, res: Response) {
      const { params, body } = parseRequest(clientRoutes.update, req);
      sendResponse(res, clientRoutes.update, await service.update(principalOf(res), params.id, body));
    },

    async archive(req: Request, res: Response) {
      const { params } = parseRequest(clientRoutes.archive, req);
      sendResponse(res, clientRoutes.archive, await service.archive(principalOf(res), params.id));
    },

    async restore(req: Request, res: Response) {
      const { params } = parseRequest(clientRoutes.restore, req);
      sendResponse(res, clientRoutes.restore, await service.restore(principalOf(res), params.id));
    },
  };
}
