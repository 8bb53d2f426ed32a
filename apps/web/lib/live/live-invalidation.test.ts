import { describe, expect, it } from 'vitest';
import { keys } from '@/lib/queries/keys';
import { staleQueriesOf } from './live-invalidation';

const IDEA = '3f1c9a52-7a0e-4d3b-9b1e-2f5a6c7d8e90';
const CAMPAIGN = '8c2d4e6f-1a3b-4c5d-8e7f-9a0b1c2d3e4f';
const RUN = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e';

describe('staleQueriesOf', () => {
  it('refreshes the board, the open idea and its history when an idea changes', () => {
    const stale = staleQueriesOf({
      id: '7',
      type: 'idea.changed',
      data: { ideaId: IDEA, campaignId: CAMPAIGN, status: 'CLIENT_APPROVED', version: 2 },
    });
    expect(stale).toEqual(
      expect.arrayContaining([
        keys.ideas(CAMPAIGN),
        keys.campaign(CAMPAIGN),
        keys.reviewRounds(CAMPAIGN),
        keys.idea(IDEA),
        keys.revisions(IDEA),
      ]),
    );
  });

  it('refreshes a running generation alone, and the board once it has ended', () => {
    const progress = (status: 'RUNNING' | 'SUCCEEDED') =>
      staleQueriesOf({
        id: '8',
        type: 'generation.progress',
        data: { generationId: RUN, campaignId: CAMPAIGN, status, produced: 0 },
      });
    expect(progress('RUNNING')).toEqual([keys.generation(RUN)]);
    expect(progress('SUCCEEDED')).toEqual(
      expect.arrayContaining([keys.generation(RUN), keys.ideas(CAMPAIGN), keys.usage]),
    );
  });

  it('refreshes the comments of the idea and the bell', () => {
    expect(
      staleQueriesOf({
        id: '9',
        type: 'comment.added',
        data: { ideaId: IDEA, campaignId: CAMPAIGN, commentId: RUN },
      }),
    ).toContainEqual(keys.comments(IDEA));
    expect(staleQueriesOf({ id: '10', type: 'notification.created', data: { notificationId: RUN } })).toEqual(
      [keys.notifications],
    );
  });
});
