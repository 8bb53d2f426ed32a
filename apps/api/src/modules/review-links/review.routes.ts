import { reviewRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { createCommentsService } from '../comments/comments.service.ts';
import { createIdeasService } from '../ideas/ideas.service.ts';
import type { NotificationJobs } from '../notifications/notify.ts';
import type { ReviewLinksService } from './review-links.service.ts';

/**
 * The holder's side of a review link: the ideas and comments services a client contact uses,
 * with the link's actor, whose audience is the one campaign (sent versions only, the client's
 * moves only), and the agency is told of its answers as of a client's. Every change is an
 * explicit PATCH or POST.
 */
export function createReviewRoutes(deps: {
  db: Database;
  jobs: NotificationJobs;
  links: ReviewLinksService;
}) {
  const ideas = createIdeasService(deps);
  const comments = createCommentsService(deps);
  return [
    implementRoute(reviewRoutes.session, {
      access: 'review-link',
      handle: (_request, actor) => deps.links.session(actor),
    }),
    implementRoute(reviewRoutes.listIdeas, {
      access: 'review-link',
      handle: ({ query }, actor) => ideas.listForCampaign(actor, actor.campaignId, query),
    }),
    implementRoute(reviewRoutes.answer, {
      access: 'review-link',
      resources: { id: 'idea' },
      handle: ({ params, body }, actor) => ideas.update(actor, params.id, body),
    }),
    implementRoute(reviewRoutes.bulkStatus, {
      access: 'review-link',
      bodyResources: { ids: 'idea' },
      handle: ({ body }, actor) => ideas.bulkStatus(actor, body),
    }),
    implementRoute(reviewRoutes.revisions, {
      access: 'review-link',
      resources: { id: 'idea' },
      handle: ({ params, query }, actor) => ideas.revisions(actor, params.id, query),
    }),
    implementRoute(reviewRoutes.decisions, {
      access: 'review-link',
      resources: { id: 'idea' },
      handle: ({ params }, actor) => ideas.decisions(actor, params.id),
    }),
    implementRoute(reviewRoutes.listComments, {
      access: 'review-link',
      resources: { id: 'idea' },
      handle: ({ params, query }, actor) => comments.list(actor, params.id, query),
    }),
    implementRoute(reviewRoutes.createComment, {
      access: 'review-link',
      resources: { id: 'idea' },
      handle: ({ params, body }, actor) => comments.create(actor, params.id, body),
    }),
  ];
}
