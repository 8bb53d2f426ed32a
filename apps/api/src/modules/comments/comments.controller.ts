import { ideaRoutes } from '@muse/contracts';
import type { Request, Response } from 'express';
import { principalOf } from '../../http/authenticate.ts';
import { parseRequest, sendResponse } from '../../http/validation.ts';
import type { CommentsService } from './comments.service.ts';

export function createCommentsController(service: CommentsService) {
  return {
    async list(req: Request, res: Response) {
      const { params, query } = parseRequest(ideaRoutes.listComments, req);
      sendResponse(res, ideaRoutes.listComments, await service.list(principalOf(res), params.id, query));
    },

    async create(req: Request, res: Response) {
      const { params, body } = parseRequest(ideaRoutes.createComment, req);
      sendResponse(res, ideaRoutes.createComment, await service.create(principalOf(res), params.id, body));
    },
  };
}
