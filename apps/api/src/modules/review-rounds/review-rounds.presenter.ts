import type { ReviewRound } from '@muse/contracts';
import { toCalendarDate } from '../../shared/calendar-date.ts';
import { isOverdue } from './review-rounds.cadence.ts';
import type { RoundRecord } from './review-rounds.repository.ts';

/** A round as the contract has it, with its pending ideas and whether its date has passed. */
export function toReviewRound(row: RoundRecord, pending: number, now: Date): ReviewRound {
  return {
    id: row.id,
    campaignId: row.campaignId,
    reviewBy: toCalendarDate(row.reviewBy),
    sentAt: row.createdAt.toISOString(),
    announcedAt: row.announcedAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    nextReminderAt: row.nextReminderAt?.toISOString() ?? null,
    remindersSent: row.remindersSent,
    lastRemindedAt: row.lastRemindedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    pending,
    overdue: row.answeredAt === null && isOverdue(row.reviewBy, now),
  };
}
