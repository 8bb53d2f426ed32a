import { ideaRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { defineRoutes } from '../../http/route-registry.ts';
import { createCommentsController } from './comments.controller.ts';
import { createCommentsService } from './comments.service.ts';

export function createCommentsRoutes(deps: { db: Database }) {
  const controller = createCommentsController(createCommentsService(deps));
  return defineRoutes(
    {
      contract: ideaRoutes.listComments,
      access: 'comments.read',
      resources: { id: 'idea' },
      handler: controller.list,
    },
    {
      contract: ideaRoutes.createComment,
      access: 'comments.create',
      resources: { id: 'idea' },
      sample: { body: { body: 'Love the hook: can the caption name the tasting flight?' } },
      handler: controller.create,
    },
  );
}
