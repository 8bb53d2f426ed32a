import { z } from 'zod';
import { IdeaStatus, Platform } from './common.ts';
import { Idea } from './ideas.ts';
import { defineRouteContracts, Timestamp } from './routes.ts';

/** The longest range one calendar request reads: a month view with the weeks around it. */
export const CALENDAR_MAX_DAYS = 62;

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** GET /api/calendar: the days `from`..`to` (both included), narrowed by the filters. */
export const CalendarQuery = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    clientId: z.uuid().optional(),
    campaignId: z.uuid().optional(),
    platform: Platform.optional(),
    status: IdeaStatus.optional(),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'the range ends after it starts' })
  .refine((query) => daysBetween(query.from, query.to) < CALENDAR_MAX_DAYS, {
    path: ['to'],
    message: `a calendar reads at most ${CALENDAR_MAX_DAYS} days at once`,
  });
export type CalendarQuery = z.infer<typeof CalendarQuery>;

/** An idea on the calendar, with the names its tile shows. */
export const CalendarIdea = Idea.extend({
  campaignName: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
}).meta({ id: 'CalendarIdea' });
export type CalendarIdea = z.infer<typeof CalendarIdea>;

/** A campaign whose dates the calendar marks: its run and the date its review is due. */
export const CalendarCampaign = z
  .object({
    id: z.uuid(),
    name: z.string(),
    clientId: z.uuid(),
    clientName: z.string(),
    startDate: z.iso.date().nullable(),
    endDate: z.iso.date().nullable(),
    reviewBy: z.iso.date().nullable(),
  })
  .meta({ id: 'CalendarCampaign' });
export type CalendarCampaign = z.infer<typeof CalendarCampaign>;

/** An open review round's review-by date (the agency's calendar only). */
export const CalendarReviewDue = z
  .object({ campaignId: z.uuid(), campaignName: z.string(), reviewBy: z.iso.date() })
  .meta({ id: 'CalendarReviewDue' });
export type CalendarReviewDue = z.infer<typeof CalendarReviewDue>;

/** How many approved ideas without a date the side list shows at most. */
export const CALENDAR_UNSCHEDULED_LIMIT = 50;

export const CalendarView = z
  .object({
    /** Ideas scheduled in the range, by date. */
    ideas: z.array(CalendarIdea),
    /** Approved ideas without a date, to drag onto a day (the agency's only; a client gets none). */
    unscheduled: z.array(CalendarIdea),
    /** Campaigns whose run or review-by date meets the range. */
    campaigns: z.array(CalendarCampaign),
    reviewsDue: z.array(CalendarReviewDue),
  })
  .meta({ id: 'CalendarView' });
export type CalendarView = z.infer<typeof CalendarView>;

/** The caller's calendar subscription; its address is shown only when it is made. */
export const CalendarFeed = z
  .object({ active: z.boolean(), createdAt: Timestamp.nullable() })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const CalendarFeedAddress = z
  .object({
    /**
     * The secret `.ics` address, from the API's public origin (which the API does not know: the
     * page that shows it does). Shown once; a new one ends the old.
     */
    path: z.string().startsWith('/api/calendar/feed.ics?token='),
    createdAt: Timestamp,
  })
  .meta({ id: 'CalendarFeedAddress' });
export type CalendarFeedAddress = z.infer<typeof CalendarFeedAddress>;

/** The feed's query: the secret of the address (calendar apps send no headers of ours). */
export const CalendarFeedQuery = z.strictObject({ token: z.string().max(200) });

export const calendarRoutes = defineRouteContracts({
  view: {
    method: 'GET',
    path: '/api/calendar',
    summary: 'The ideas scheduled in a range of days, with the campaigns’ dates',
    description:
      'A client contact sees only its own client’s ideas that were sent to it or answered, and no review rounds. ' +
      `At most ${CALENDAR_MAX_DAYS} days at once.`,
    tags: ['calendar'],
    auth: 'bearer',
    query: CalendarQuery,
    response: CalendarView,
  },
  feed: {
    method: 'GET',
    path: '/api/calendar/feed',
    summary: 'Whether the caller has a calendar subscription address',
    tags: ['calendar'],
    auth: 'bearer',
    response: CalendarFeed,
  },
  rotateFeed: {
    method: 'POST',
    path: '/api/calendar/feed',
    summary: 'Make a new calendar subscription address; the old one stops working',
    tags: ['calendar'],
    auth: 'bearer',
    response: CalendarFeedAddress,
    successStatus: 201,
  },
  ics: {
    method: 'GET',
    path: '/api/calendar/feed.ics',
    summary: 'The caller’s scheduled ideas as iCalendar (RFC 5545), for a calendar app to subscribe to',
    description:
      'Authenticated by the secret of the address (`token`), not a session: what it holds is what its ' +
      'owner may see now. An unknown or replaced address is 401.',
    tags: ['calendar'],
    auth: 'feed-token',
    query: CalendarFeedQuery,
    contentType: 'text/calendar',
  },
});
