import { campaignRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { principalOf } from '../../http/authenticate.ts';
import { parseRequest, sendResponse } from '../../http/validation.ts';
import type { CampaignsService } from './campaigns.service.ts';

export function createCampaignsController(service: CampaignsService) {
  return {
    async list(req: Request, res: Response) {
      const { query } = parseRequest(campaignRoutes.list, req);
      sendResponse(res, campaignRoutes.list, await service.list(principalOf(res), query));
    },

    async create(req: Request, res: Response) {
      const { body } = parseRequest(campaignRoutes.create, req);
      sendResponse(res, campaignRoutes.create, await service.create(principalOf(res), body));
    },

    async get(req: Request, res: Response) {
      const { params } = parseRequest(campaignRoutes.get, req);
      sendResponse(res, campaignRoutes.get, await service.get(principalOf(res), params.id));
    },

    async update(req: Request, res: Response) {
      const { params, body } = parseRequest(campaignRoutes.update, req);
      sendResponse(res, campaignRoutes.update, await service.update(principalOf(res), params.id, body));
    },

    async archive(req: Request, res: Response) {
      const { params } = parseRequest(campaignRoutes.archive, req);
      sendResponse(res, campaignRoutes.archive, await service.archive(principalOf(res), params.id));
    },
  };
}
