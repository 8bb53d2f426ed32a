import { reviewLinkRoutes } from '@muse/contracts';
import { implementRoute } from '../../http/route-registry.ts';
import type { ReviewLinksService } from './review-links.service.ts';

/** The agency's side: sharing a campaign for review, and taking the links back. */
export function createReviewLinksRoutes(links: ReviewLinksService) {
  return [
    implementRoute(reviewLinkRoutes.list, {
      access: 'review-links.read',
      resources: { id: 'campaign' },
      handle: ({ params }, actor) => links.list(actor, params.id),
    }),
    implementRoute(reviewLinkRoutes.create, {
      access: 'review-links.manage',
      resources: { id: 'campaign' },
      handle: ({ params, body }, actor) => links.create(actor, params.id, body),
    }),
    implementRoute(reviewLinkRoutes.revoke, {
      access: 'review-links.manage',
      resources: { id: 'reviewLink' },
      handle: ({ params }, actor) => links.revoke(actor, params.id),
    }),
    implementRoute(reviewLinkRoutes.reissue, {
      access: 'review-links.manage',
      resources: { id: 'reviewLink' },
      handle: ({ params, body }, actor) => links.reissue(actor, params.id, body),
    }),
  ];
}
