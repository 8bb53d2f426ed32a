import { reviewRoundRoutes } from '@muse/contracts';
import { implementRoute } from '../../http/route-registry.ts';
import { createReviewRoundsService, type ReviewRoundsServiceDeps } from './review-rounds.service.ts';

export function createReviewRoundsRoutes(deps: ReviewRoundsServiceDeps) {
  const rounds = createReviewRoundsService(deps);
  return [
    implementRoute(reviewRoundRoutes.listForCampaign, {
      access: 'reviewRounds.read',
      resources: { id: 'campaign' },
      handle: ({ params }, actor) => rounds.listForCampaign(actor, params.id),
    }),
    implementRoute(reviewRoundRoutes.remind, {
      access: 'reviewRounds.remind',
      resources: { id: 'reviewRound' },
      handle: ({ params }, actor) => rounds.remindNow(actor, params.id),
    }),
  ];
}
