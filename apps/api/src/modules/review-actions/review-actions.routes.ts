import { reviewActionRoutes } from '@muse/contracts';
import { implementRoute } from '../../http/route-registry.ts';
import { createReviewActionsService, type ReviewActionsDeps } from './review-actions.service.ts';

/** No sign-in: the signed token in the body is the proof (see the contracts). */
export function createReviewActionsRoutes(deps: ReviewActionsDeps) {
  const actions = createReviewActionsService(deps);
  return [
    implementRoute(reviewActionRoutes.open, {
      access: 'signed-link',
      handle: ({ body }) => actions.open(body.token),
    }),
    implementRoute(reviewActionRoutes.answer, {
      access: 'signed-link',
      handle: ({ body }) => actions.answer(body),
    }),
  ];
}
