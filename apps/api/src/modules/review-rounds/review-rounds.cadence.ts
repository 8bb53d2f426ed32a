const DAY_MS = 86_400_000;

/** How a client is reminded: the first after `firstAfterDays`, then every `everyDays`, at most `limit` (0: never). */
export interface ReminderCadence {
  firstAfterDays: number;
  everyDays: number;
  limit: number;
}

/** What the cadence follows of a round. */
export interface ReminderState {
  sentAt: Date;
  /** Midnight UTC of the review-by date. */
  reviewBy: Date | null;
  remindersSent: number;
  lastRemindedAt: Date | null;
}

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/** Midnight UTC of `at`'s date: a `date` column as the database driver hands it over. */
export const startOfUtcDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/**
 * When the day-before reminder is owed: the day before the review-by date begins (UTC), if the
 * round went out before then. Null without a review-by date.
 */
function dayBeforeReviewBy(state: ReminderState): Date | null {
  if (!state.reviewBy) return null;
  const dayBefore = addDays(state.reviewBy, -1);
  return state.sentAt < dayBefore ? dayBefore : null;
}

/**
 * When the round's next reminder is due, or null when none is. Reminders on the cadence stop at
 * the limit; besides them, one goes out the day before the review-by date unless a reminder
 * already went out that day or later. Reminding restarts the cadence from the last reminder.
 */
export function nextReminderAt(state: ReminderState, cadence: ReminderCadence): Date | null {
  if (cadence.limit === 0) return null;
  const dayBefore = dayBeforeReviewBy(state);
  const dayBeforeDone =
    dayBefore !== null && state.lastRemindedAt !== null && state.lastRemindedAt >= dayBefore;
  // The day-before reminder is not one of the cadence's.
  const onCadence = state.remindersSent - (dayBeforeDone ? 1 : 0);
  const cadenceNext =
    onCadence >= cadence.limit
      ? null
      : state.lastRemindedAt
        ? addDays(state.lastRemindedAt, cadence.everyDays)
        : addDays(state.sentAt, cadence.firstAfterDays);
  const owed = [cadenceNext, dayBefore && !dayBeforeDone ? dayBefore : null].filter((at) => at !== null);
  return owed.length === 0 ? null : new Date(Math.min(...owed.map((at) => at.getTime())));
}

/** The review-by date has passed: the day after it has begun (UTC). */
export const isOverdue = (reviewBy: Date | null, now: Date) =>
  reviewBy !== null && startOfUtcDay(now) > reviewBy;
