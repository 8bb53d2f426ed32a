import type { ReviewRound } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { openRounds, waitingSentence } from './review-rounds';

const round = (overrides: Partial<ReviewRound> = {}): ReviewRound => ({
  id: '00000000-0000-4000-8000-000000000001',
  campaignId: '00000000-0000-4000-8000-000000000002',
  reviewBy: null,
  sentAt: '2027-03-01T10:00:00.000Z',
  announcedAt: null,
  answeredAt: null,
  nextReminderAt: '2027-03-03T10:00:00.000Z',
  remindersSent: 0,
  lastRemindedAt: null,
  escalatedAt: null,
  pending: 2,
  overdue: false,
  ...overrides,
});

describe('waitingSentence', () => {
  it('says since when the client has the ideas, how often it was reminded and by when it should answer', () => {
    expect(waitingSentence(round({ remindersSent: 2, reviewBy: '2027-03-10' }))).toBe(
      'Waiting for the client since Mar 1, 2027, reminded 2×, review by Mar 10, 2027',
    );
  });

  it('says so when no reminder went out yet, and leaves out a review-by date there is not', () => {
    expect(waitingSentence(round())).toBe('Waiting for the client since Mar 1, 2027, not reminded yet');
  });
});

describe('openRounds', () => {
  it('keeps the unanswered rounds, oldest first', () => {
    const newest = round({ id: '00000000-0000-4000-8000-000000000003' });
    const answered = round({
      id: '00000000-0000-4000-8000-000000000004',
      answeredAt: '2027-03-02T00:00:00.000Z',
    });
    const oldest = round({ id: '00000000-0000-4000-8000-000000000005' });
    expect(openRounds([newest, answered, oldest]).map((r) => r.id)).toEqual([oldest.id, newest.id]);
  });
});
