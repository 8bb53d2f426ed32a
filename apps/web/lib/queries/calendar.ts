import type { CalendarQuery } from '@muse/contracts';
import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/** The days of a view with its filters: each range and filter is its own cache entry. */
export const calendarQuery = (api: Api, query: CalendarQuery) =>
  queryOptions({ queryKey: keys.calendar(query), queryFn: () => api.calendar.view(query) });

export const calendarFeedQuery = (api: Api) =>
  queryOptions({ queryKey: keys.calendarFeed, queryFn: () => api.calendar.feed() });
