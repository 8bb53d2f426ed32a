import { calendarRoutes } from '@muse/contracts';
import { implementRoute } from '../../http/route-registry.ts';
import type { CalendarService } from './calendar.service.ts';

/** The content calendar, and the subscription address that brings it into calendar apps. */
export function createCalendarRoutes(calendar: CalendarService) {
  return [
    implementRoute(calendarRoutes.view, {
      access: 'ideas.read',
      handle: ({ query }, actor) => calendar.view(actor, query),
    }),
    implementRoute(calendarRoutes.feed, {
      access: 'calendar.feed',
      handle: (_request, actor) => calendar.feed(actor),
    }),
    implementRoute(calendarRoutes.rotateFeed, {
      access: 'calendar.feed',
      handle: (_request, actor) => calendar.rotateFeed(actor),
    }),
    implementRoute(calendarRoutes.ics, {
      access: 'feed-token',
      // iCalendar for calendar apps, not JSON; they poll, so no shared cache keeps a copy.
      async respond(_request, actor, { res }) {
        res
          .status(200)
          .type('text/calendar; charset=utf-8')
          .setHeader('Cache-Control', 'private, no-store')
          .send(await calendar.ics(actor));
      },
    }),
  ];
}
