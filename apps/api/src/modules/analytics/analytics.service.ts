/**
 * Approval analytics: how clients answer what the agency sends them, read from the activity log
 * (`idea.status_changed` events), the one record of who moved an idea when.
 *
 * How it is counted:
 * - A **round** is one sending of an idea to the client (a move to PENDING_CLIENT, "With
 *   client"); every sending is a new round of that idea, numbered by the event's `round`. The
 *   period and the weeks count rounds by when they were sent (UTC days, Monday weeks).
 * - A round is **answered** by the client's first approval, change request or rejection in it
 *   (a client contact's, or a review link holder's); that answer's time minus the sending's is
 *   the time to answer (median and p90, p90 interpolated between its two nearest values). A
 *   changed answer replaces what the round's answer was, not when it was answered.
 * - **First-round approval rate**: of the ideas whose round 1 was answered in the period, those
 *   approved. **Change-request rate**: of the answered rounds, those answered with a change
 *   request. **Rounds per idea**: the rounds counted ÷ the ideas they are of.
 * - A round the agency took back before any answer is **withdrawn**; one neither answered nor
 *   withdrawn is **waiting**, and **overdue** when its review-by date (the sending's round's,
 *   else the campaign's) is before today.
 * - The **reviewer** is whoever gave the round's first answer: the client contact, or the named
 *   reviewer of a review link. A waiting round has no reviewer yet.
 * - Where a campaign's ideas stand is their status now, for the campaigns with a round in the period.
 */
import {
  type AnalyticsQuery,
  type AnswerFigures,
  type ApprovalAnalytics,
  IdeaStatus,
  type RoundFigures,
} from '@muse/contracts';
import type { Database } from '@muse/db';
import { fromCalendarDate, toCalendarDate } from '../../shared/calendar-date.ts';
import type { Actor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { analyticsRepository, type FigureRow } from './analytics.repository.ts';

/** The period when none is asked for: the last 30 days, today included. */
const DEFAULT_PERIOD_DAYS = 30;
const DAY_MS = 86_400_000;

const startOfUtcDay = (at: Date) => fromCalendarDate(toCalendarDate(at));
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The period's first and last day: the query's (the contract asks for both or neither), or the default ending today. */
function periodOf(query: Pick<AnalyticsQuery, 'from' | 'to'>, now: Date) {
  if (query.from && query.to) return { from: fromCalendarDate(query.from), to: fromCalendarDate(query.to) };
  const to = startOfUtcDay(now);
  return { from: addDays(to, -(DEFAULT_PERIOD_DAYS - 1)), to };
}

/** The Monday (UTC) of each week the period touches. */
function weeksOf(from: Date, to: Date): string[] {
  const monday = addDays(from, -((from.getUTCDay() + 6) % 7));
  const weeks: string[] = [];
  for (let week = monday; week <= to; week = addDays(week, 7)) weeks.push(toCalendarDate(week));
  return weeks;
}

function answerFigures(row: FigureRow): AnswerFigures {
  return {
    answered: row.answered,
    medianAnswerSeconds: row.medianAnswerSeconds,
    p90AnswerSeconds: row.p90AnswerSeconds,
    firstRoundAnswered: row.firstRoundAnswered,
    firstRoundApproved: row.firstRoundApproved,
    firstRoundApprovalRate: ratio(row.firstRoundApproved, row.firstRoundAnswered),
    changeRequests: row.changeRequests,
    changeRequestRate: ratio(row.changeRequests, row.answered),
    ideas: row.ideas,
    roundsPerIdea: ratio(row.rounds, row.ideas),
  };
}

function roundFigures(row: FigureRow): RoundFigures {
  return {
    ...answerFigures(row),
    sent: row.rounds,
    waiting: row.waiting,
    overdue: row.overdue,
    withdrawn: row.withdrawn,
  };
}

/** The figures of a group with no rounds (a quiet week, an empty period). */
const NO_ROUNDS: FigureRow = {
  set: 'total',
  clientId: null,
  clientName: null,
  campaignId: null,
  campaignName: null,
  userId: null,
  userName: null,
  linkId: null,
  linkReviewerName: null,
  weekStart: null,
  rounds: 0,
  answered: 0,
  waiting: 0,
  overdue: 0,
  withdrawn: 0,
  medianAnswerSeconds: null,
  p90AnswerSeconds: null,
  firstRoundAnswered: 0,
  firstRoundApproved: 0,
  changeRequests: 0,
  ideas: 0,
};

const clientOf = (row: FigureRow) => ({ clientId: row.clientId ?? '', clientName: row.clientName ?? '' });

function reviewerOf(row: FigureRow) {
  return row.userId
    ? { kind: 'contact' as const, id: row.userId, name: row.userName ?? '' }
    : { kind: 'review-link' as const, id: row.linkId ?? '', name: row.linkReviewerName ?? '' };
}

const byName =
  <T>(name: (item: T) => string) =>
  (a: T, b: T) =>
    name(a).localeCompare(name(b));

export function createAnalyticsService(deps: { db: Database }) {
  return {
    async approvals(actor: Actor, query: AnalyticsQuery, now = new Date()): Promise<ApprovalAnalytics> {
      const tenantId = tenantScopeOf(actor);
      const { from, to } = periodOf(query, now);
      const window = {
        tenantId,
        start: from,
        end: addDays(to, 1),
        today: startOfUtcDay(now),
        ...(query.clientId ? { clientId: query.clientId } : {}),
      };
      const { rows, statuses } = await deps.db.withTenantTx(tenantId, async (tx) => {
        const figures = await analyticsRepository.figures(tx, window);
        const campaignIds = figures.flatMap((row) =>
          row.set === 'campaign' && row.campaignId ? [row.campaignId] : [],
        );
        return { rows: figures, statuses: await analyticsRepository.statusesOf(tx, campaignIds) };
      });
      const of = (set: FigureRow['set']) => rows.filter((row) => row.set === set);
      const weeks = new Map(of('week').map((row) => [toCalendarDate(row.weekStart), row]));
      return {
        from: toCalendarDate(from),
        to: toCalendarDate(to),
        asOf: now.toISOString(),
        totals: roundFigures(of('total')[0] ?? NO_ROUNDS),
        byClient: of('client')
          .map((row) => ({ ...clientOf(row), ...roundFigures(row) }))
          .sort(byName((line) => line.clientName)),
        byReviewer: of('reviewer')
          .map((row) => ({ reviewer: reviewerOf(row), ...clientOf(row), ...answerFigures(row) }))
          .sort(byName((line) => `${line.clientName}\u0000${line.reviewer.name}`)),
        byCampaign: of('campaign')
          .map((row) => {
            const counts = Object.fromEntries(IdeaStatus.options.map((status) => [status, 0])) as Record<
              IdeaStatus,
              number
            >;
            for (const line of statuses)
              if (line.campaignId === row.campaignId) counts[line.status] = line.ideas;
            return {
              campaignId: row.campaignId ?? '',
              campaignName: row.campaignName ?? '',
              ...clientOf(row),
              ...roundFigures(row),
              statuses: counts,
            };
          })
          .sort(byName((line) => `${line.clientName}\u0000${line.campaignName}`)),
        byWeek: weeksOf(from, to).map((weekStart) => ({
          weekStart,
          ...roundFigures(weeks.get(weekStart) ?? NO_ROUNDS),
        })),
      };
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
