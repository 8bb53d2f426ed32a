import { ideaRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { principalOf } from '../../http/authenticate.ts';
import { parseRequest, sendResponse } from '../../http/validation.ts';
import { csvFileName, ideasCsv } from './ideas.csv.ts';
import type { IdeasService } from './ideas.service.ts';

/** Lets spreadsheet apps detect UTF-8 (Excel reads a CSV without it in the system code page). */
const BYTE_ORDER_MARK = '\uFEFF';

export function createIdeasController(service: IdeasService) {
  return {
    async listForCampaign(req: Request, res: Response) {
      const { params, query } = parseRequest(ideaRoutes.listForCampaign, req);
      sendResponse(
        res,
        ideaRoutes.listForCampaign,
        await service.listForCampaign(principalOf(res), params.id, query),
      );
    },

    async exportCsv(req: Request, res: Response) {
      const { params, query } = parseRequest(ideaRoutes.exportCsv, req);
      const { campaign, ideas } = await service.exportForCampaign(principalOf(res), params.id, query);
      res
        .status(200)
        .attachment(csvFileName(campaign.name))
        .type('text/csv; charset=utf-8')
        .setHeader('Cache-Control', 'private, no-store')
        .send(BYTE_ORDER_MARK + ideasCsv(ideas));
    },

    async get(req: Request, res: Response) {
      const { params } = parseRequest(ideaRoutes.get, req);
      sendResponse(res, ideaRoutes.get, await service.get(principalOf(res), params.id));
    },

    async update(req: Request, res: Response) {
      const { params, body } = parseRequest(ideaRoutes.update, req);
      sendResponse(res, ideaRoutes.update, await service.update(principalOf(res), params.id, body));
    },

    async bulkStatus(req: Request, res: Response) {
      const { body } = parseRequest(ideaRoutes.bulkStatus, req);
      sendResponse(res, ideaRoutes.bulkStatus, await service.bulkStatus(principalOf(res), body));
    },

    async revisions(req: Request, res: Response) {
      const { params, query } = parseRequest(ideaRoutes.revisions, req);
      sendResponse(res, ideaRoutes.revisions, await service.revisions(principalOf(res), params.id, query));
    },
  };
}
