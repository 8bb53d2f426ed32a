import { z } from 'zod';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';

/**
 * The earliest date that is still today somewhere (UTC−12): an agency west of UTC may pick its
 * own today while the UTC date has already moved on.
 */
function earliestToday(now = new Date()): string {
  return new Date(now.getTime() - 12 * 3_600_000).toISOString().slice(0, 10);
}

/** The date by which the client should answer: a calendar date, never in the past. */
export const ReviewByDate = z.iso
  .date()
  .refine((date) => date >= earliestToday(), 'the review-by date cannot be in the past');

/** How a client is reminded of the ideas waiting for it; a limit of 0 sends no reminders. */
export const ReminderCadenceFields = {
  reminderFirstAfterDays: z.int().min(1).max(30),
  reminderEveryDays: z.int().min(1).max(30),
  reminderLimit: z.int().min(0).max(10),
};

export const ReviewRound = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    reviewBy: z.iso.date().nullable(),
    /** When the round's first ideas went to the client. */
    sentAt: Timestamp,
    announcedAt: Timestamp.nullable(),
    answeredAt: Timestamp.nullable(),
    nextReminderAt: Timestamp.nullable(),
    remindersSent: z.int(),
    lastRemindedAt: Timestamp.nullable(),
    escalatedAt: Timestamp.nullable(),
    /** Ideas of the round still waiting for the client. */
    pending: z.int(),
    /** The review-by date has passed with the round unanswered. */
    overdue: z.boolean(),
  })
  .meta({ id: 'ReviewRound' });
export type ReviewRound = z.infer<typeof ReviewRound>;

export const ReviewRoundList = z.object({ items: z.array(ReviewRound) }).meta({ id: 'ReviewRoundList' });
export type ReviewRoundList = z.infer<typeof ReviewRoundList>;

export const reviewRoundRoutes = defineRouteContracts({
  listForCampaign: {
    method: 'GET',
    path: '/api/campaigns/:id/review-rounds',
    summary: 'The campaign’s review rounds, newest first, with their reminders and pending ideas',
    description: 'For the agency: a client contact cannot read the reminders sent to it.',
    tags: ['review-rounds'],
    auth: 'bearer',
    params: IdParams,
    response: ReviewRoundList,
  },
  remind: {
    method: 'POST',
    path: '/api/review-rounds/:id/remind',
    summary: 'Remind the client of the round’s pending ideas now',
    description:
      'Sends the reminder at once and starts the cadence again from now. A round the client has answered is 409.',
    tags: ['review-rounds'],
    auth: 'bearer',
    params: IdParams,
    response: ReviewRound,
    errors: [409],
  },
});
