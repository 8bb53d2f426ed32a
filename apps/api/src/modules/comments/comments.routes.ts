import { ideaRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import type { NotificationJobs } from '../notifications/notify.ts';
import { createCommentsService } from './comments.service.ts';

export function createCommentsRoutes(deps: { db: Database; jobs: NotificationJobs }) {
  const comments = createCommentsService(deps);
  return [
    implementRoute(ideaRoutes.listComments, {
      access: 'comments.read',
      resources: { id: 'idea' },
      handle: ({ params, query }, actor) => comments.list(actor, params.id, query),
    }),
    implementRoute(ideaRoutes.createComment, {
      access: 'comments.create',
      resources: { id: 'idea' },
      handle: ({ params, body }, actor) => comments.create(actor, params.id, body),
    }),
  ];
}
