import { z } from 'zod';
import { IdeaStatus } from './common.ts';
import { defineRouteContracts, Timestamp } from './routes.ts';

/** The longest period the approval figures cover at once. */
export const ANALYTICS_MAX_DAYS = 366;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

const PeriodFields = {
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  clientId: z.uuid().optional(),
};

/**
 * A period of both days or neither, that ends on or after its first day and is no longer than
 * the most it may cover.
 */
function checkPeriod<T extends z.ZodObject<typeof PeriodFields>>(schema: T) {
  const span = (query: z.infer<T>) =>
    query.from !== undefined && query.to !== undefined ? daysBetween(query.from, query.to) : 0;
  return schema
    .refine((query) => (query.from === undefined) === (query.to === undefined), {
      path: [],
      message: 'give both days of the period, or neither for the last 30 days',
    })
    .refine((query) => span(query) >= 0, {
      path: ['to'],
      message: 'the period ends on or after its first day',
    })
    .refine((query) => span(query) < ANALYTICS_MAX_DAYS, {
      path: ['from'],
      message: `a period covers at most ${ANALYTICS_MAX_DAYS} days`,
    });
}

/**
 * The rounds counted: those sent from `from` to `to`, both UTC calendar days and both included
 * (both absent: the last 30 days to today); `clientId` narrows them to one client.
 */
export const AnalyticsQuery = checkPeriod(z.strictObject(PeriodFields));
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

/** The tables behind the charts, each downloadable as CSV. */
export const AnalyticsTable = z.enum(['clients', 'reviewers', 'campaigns', 'weeks']);
export type AnalyticsTable = z.infer<typeof AnalyticsTable>;

/** The name a downloaded table is saved under: the table and the period. */
export const approvalsCsvName = (table: AnalyticsTable, period: { from: string; to: string }) =>
  `approvals-${table}-${period.from}-to-${period.to}.csv`;

export const AnalyticsCsvQuery = checkPeriod(z.strictObject({ ...PeriodFields, table: AnalyticsTable }));
export type AnalyticsCsvQuery = z.infer<typeof AnalyticsCsvQuery>;

const count = z.int().min(0);
const share = z.number().min(0).max(1).nullable();
const seconds = z.number().min(0).nullable();

/** What the answers of a set of rounds say; null where nothing was answered to divide by. */
export const AnswerFigures = z.object({
  /** Rounds answered by the client (its first answer in the round). */
  answered: count,
  /** From sending to the first answer, in seconds; p90 interpolates between the nearest two. */
  medianAnswerSeconds: seconds,
  p90AnswerSeconds: seconds,
  /** Ideas whose first round was answered, and of them those whose answer was an approval. */
  firstRoundAnswered: count,
  firstRoundApproved: count,
  firstRoundApprovalRate: share,
  /** Answered rounds whose answer was a change request, and their share of the answered. */
  changeRequests: count,
  changeRequestRate: share,
  /** The ideas the rounds are of, and rounds ÷ ideas. */
  ideas: count,
  roundsPerIdea: z.number().min(0).nullable(),
});
export type AnswerFigures = z.infer<typeof AnswerFigures>;

/** What a set of sendings came to: every round is answered, waiting or withdrawn. */
export const RoundFigures = AnswerFigures.extend({
  sent: count,
  /** Still with the client; overdue: and past the review-by date. */
  waiting: count,
  overdue: count,
  /** Taken back by the agency before any answer. */
  withdrawn: count,
});
export type RoundFigures = z.infer<typeof RoundFigures>;

/** Whoever answered: a client contact, or the named reviewer of a review link. */
export const AnalyticsReviewer = z.object({
  kind: z.enum(['contact', 'review-link']),
  /** The user's id, or the link's. */
  id: z.uuid(),
  name: z.string(),
});
export type AnalyticsReviewer = z.infer<typeof AnalyticsReviewer>;

const clientRef = { clientId: z.uuid(), clientName: z.string() };

export const ApprovalAnalytics = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    /** When the figures were computed: waiting and overdue are as of then. */
    asOf: Timestamp,
    totals: RoundFigures,
    byClient: z.array(z.object({ ...clientRef, ...RoundFigures.shape })),
    byReviewer: z.array(z.object({ reviewer: AnalyticsReviewer, ...clientRef, ...AnswerFigures.shape })),
    /** The campaigns with a sending in the period: their rounds, and where all their ideas stand now. */
    byCampaign: z.array(
      z.object({
        campaignId: z.uuid(),
        campaignName: z.string(),
        ...clientRef,
        ...RoundFigures.shape,
        statuses: z.record(IdeaStatus, count),
      }),
    ),
    /** Every week of the period (Monday, UTC), by when the rounds were sent. */
    byWeek: z.array(z.object({ weekStart: z.iso.date(), ...RoundFigures.shape })),
  })
  .meta({ id: 'ApprovalAnalytics' });
export type ApprovalAnalytics = z.infer<typeof ApprovalAnalytics>;

export const analyticsRoutes = defineRouteContracts({
  approvals: {
    method: 'GET',
    path: '/api/analytics/approvals',
    summary: 'How the clients answer what is sent to them, from the activity log',
    description:
      'A round is one sending of an idea to the client; it is answered by the client’s first approval, change request or rejection in it (a changed answer replaces the answer, not its time).',
    tags: ['analytics'],
    auth: 'bearer',
    query: AnalyticsQuery,
    response: ApprovalAnalytics,
  },
  approvalsCsv: {
    method: 'GET',
    path: '/api/analytics/approvals.csv',
    summary: 'One table of the approval figures as CSV',
    description: 'RFC 4180, UTF-8 with a byte order mark, as the ideas export.',
    tags: ['analytics'],
    auth: 'bearer',
    query: AnalyticsCsvQuery,
    contentType: 'text/csv',
  },
});
