import { describe, expect, it } from 'vitest';
import { addDays, isOverdue, nextReminderAt, type ReminderState } from './review-rounds.cadence.ts';

const SENT = new Date('2027-03-01T10:00:00.000Z');
const DEFAULT = { firstAfterDays: 2, everyDays: 2, limit: 3 };

/** Follows the cadence from a sending, as the sweep would: each reminder at the moment it is due. */
function schedule(state: Omit<ReminderState, 'remindersSent' | 'lastRemindedAt'>, cadence = DEFAULT) {
  const sent: Date[] = [];
  let next = nextReminderAt({ ...state, remindersSent: 0, lastRemindedAt: null }, cadence);
  while (next && sent.length < 20) {
    sent.push(next);
    next = nextReminderAt({ ...state, remindersSent: sent.length, lastRemindedAt: next }, cadence);
  }
  return sent.map((at) => at.toISOString());
}

describe('reminder cadence', () => {
  it('when nothing else is set, then the first reminder comes after 2 days, then every 2 days, 3 in all', () => {
    expect(schedule({ sentAt: SENT, reviewBy: null })).toEqual([
      '2027-03-03T10:00:00.000Z',
      '2027-03-05T10:00:00.000Z',
      '2027-03-07T10:00:00.000Z',
    ]);
  });

  it('when the client has its own cadence, then it is followed', () => {
    expect(schedule({ sentAt: SENT, reviewBy: null }, { firstAfterDays: 1, everyDays: 3, limit: 2 })).toEqual(
      ['2027-03-02T10:00:00.000Z', '2027-03-05T10:00:00.000Z'],
    );
  });

  it('when the limit is 0, then no reminder is ever due, not even the day before the review-by date', () => {
    const reviewBy = new Date('2027-03-10T00:00:00.000Z');
    expect(schedule({ sentAt: SENT, reviewBy }, { ...DEFAULT, limit: 0 })).toEqual([]);
  });

  it('when a review-by date is set, then one more reminder comes the day before it, besides the cadence', () => {
    const reviewBy = new Date('2027-03-10T00:00:00.000Z');
    expect(schedule({ sentAt: SENT, reviewBy })).toEqual([
      '2027-03-03T10:00:00.000Z',
      '2027-03-05T10:00:00.000Z',
      '2027-03-07T10:00:00.000Z',
      '2027-03-09T00:00:00.000Z',
    ]);
  });

  it('when the day before the review-by date comes first, then it is sent first and the cadence goes on after it', () => {
    const reviewBy = new Date('2027-03-03T00:00:00.000Z');
    expect(schedule({ sentAt: SENT, reviewBy })).toEqual([
      '2027-03-02T00:00:00.000Z',
      '2027-03-04T00:00:00.000Z',
      '2027-03-06T00:00:00.000Z',
      '2027-03-08T00:00:00.000Z',
    ]);
  });

  it('when the ideas go out on the day before the review-by date or later, then no day-before reminder is owed', () => {
    const reviewBy = new Date('2027-03-02T00:00:00.000Z');
    expect(schedule({ sentAt: SENT, reviewBy })).toEqual([
      '2027-03-03T10:00:00.000Z',
      '2027-03-05T10:00:00.000Z',
      '2027-03-07T10:00:00.000Z',
    ]);
  });

  it('when a reminder is sent out of turn, then the cadence starts again from it', () => {
    const now = new Date('2027-03-02T15:30:00.000Z');
    const next = nextReminderAt(
      { sentAt: SENT, reviewBy: null, remindersSent: 1, lastRemindedAt: now },
      DEFAULT,
    );
    expect(next).toEqual(addDays(now, 2));
  });

  it('a review-by date is overdue from the day after it, not on the day itself', () => {
    const reviewBy = new Date('2027-03-10T00:00:00.000Z');
    expect(isOverdue(reviewBy, new Date('2027-03-10T23:59:59.000Z'))).toBe(false);
    expect(isOverdue(reviewBy, new Date('2027-03-11T00:00:00.000Z'))).toBe(true);
    expect(isOverdue(null, new Date('2030-01-01T00:00:00.000Z'))).toBe(false);
  });
});
