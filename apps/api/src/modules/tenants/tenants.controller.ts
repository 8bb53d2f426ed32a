import { tenantRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { principalOf } from '../../http/authenticate.ts';
import { parseRequest, sendResponse } from '../../http/validation.ts';
import type { TenantsService } from './tenants.service.ts';

export function createTenantsController(service: TenantsService) {
  return {
    async list(req: Request, res: Response) {
      const { query } = parseRequest(tenantRoutes.list, req);
      sendResponse(res, tenantRoutes.list, await service.list(principalOf(res), query));
    },

    async create(req: Request, res: Response) {
      const { body } = parseRequest(tenantRoutes.create, req);
      sendResponse(res, tenantRoutes.create, await service.create(principalOf(res), body));
    },

    async get(req: Request, res: Response) {
      const { params } = parseRequest(tenantRoutes.get, req);
      sendResponse(res, tenantRoutes.get, await service.get(principalOf(res), params.id));
    },

    async update(req: Request, res: Response) {
      const { params, body } = parseRequest(tenantRoutes.update, req);
      sendResponse(res, tenantRoutes.update, await service.update(principalOf(res), params.id, body));
    },
  };
}
