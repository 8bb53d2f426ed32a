import { describe, expect, it } from 'vitest';
import { parseFrame, retryDelay } from './live-connection';

const IDEA = '3f1c9a52-7a0e-4d3b-9b1e-2f5a6c7d8e90';
const CAMPAIGN = '8c2d4e6f-1a3b-4c5d-8e7f-9a0b1c2d3e4f';

describe('retryDelay', () => {
  it('doubles from about a second and stops growing at thirty', () => {
    const highest = () => 1;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => retryDelay(attempt, highest))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('spreads the pages of one outage over the upper half of the wait', () => {
    expect(retryDelay(3, () => 0)).toBe(4_000);
    expect(retryDelay(3, () => 0.5)).toBe(6_000);
  });
});

describe('parseFrame', () => {
  it('reads an event the stream sent, with the id it came with', () => {
    const data = {
      id: '41',
      type: 'idea.changed',
      data: { ideaId: IDEA, campaignId: CAMPAIGN, status: 'CLIENT_APPROVED', version: 3 },
    };
    expect(parseFrame({ data: JSON.stringify(data), lastEventId: '41' })).toEqual(data);
  });

  it('ignores what it does not understand rather than failing the stream', () => {
    expect(parseFrame({ data: 'not json', lastEventId: '1' })).toBeNull();
    expect(
      parseFrame({ data: JSON.stringify({ type: 'idea.deleted', data: {} }), lastEventId: '2' }),
    ).toBeNull();
    const extra = { type: 'notification.created', data: { notificationId: IDEA, title: 'leak' } };
    expect(parseFrame({ data: JSON.stringify(extra), lastEventId: '3' })).toBeNull();
  });
});
