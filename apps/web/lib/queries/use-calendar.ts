'use client';

import type { CalendarIdea, CalendarQuery, CalendarView } from '@muse/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '@/components/providers';
import { describeError } from '@/lib/api-client/errors';
import { dayName } from '@/lib/calendar';
import { calendarFeedQuery, calendarQuery } from './calendar';
import { campaignIdeasKeys, keys } from './keys';

export function useCalendar(query: CalendarQuery) {
  // The last range stays on screen while the next loads: stepping a month does not blank the grid.
  return useQuery({ ...calendarQuery(useApi(), query), placeholderData: keepPreviousData });
}

export function useCalendarFeed() {
  return useQuery(calendarFeedQuery(useApi()));
}

/** A new subscription address; the old one stops working at once. */
export function useRotateCalendarFeed() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.calendar.rotateFeed(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.calendarFeed }),
    onError: (error) => toast.error('No new address', { description: describeError(error) }),
  });
}

/** The view with the idea on `day`: off the side list and any other day. */
function withIdeaOn(view: CalendarView, idea: CalendarIdea, day: string): CalendarView {
  const moved = { ...idea, scheduledFor: day };
  const others = view.ideas.filter((item) => item.id !== idea.id);
  return {
    ...view,
    ideas: [...others, moved].sort((a, b) => (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? '')),
    unscheduled: view.unscheduled.filter((item) => item.id !== idea.id),
  };
}

/**
 * Moves an idea to another day at the version the calendar shows. The tile moves at once; a
 * stale version (someone changed the idea meanwhile) or any other refusal puts it back, says why
 * and reloads the calendar.
 */
export function useReschedule(query: CalendarQuery) {
  const api = useApi();
  const queryClient = useQueryClient();
  const queryKey = keys.calendar(query);
  return useMutation({
    mutationFn: ({ idea, day }: { idea: CalendarIdea; day: string }) =>
      api.ideas.update(idea.id, { scheduledFor: day, version: idea.version }),
    onMutate: async ({ idea, day }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<CalendarView>(queryKey);
      queryClient.setQueryData<CalendarView>(queryKey, (view) => view && withIdeaOn(view, idea, day));
      return { previous };
    },
    onError: (error, _move, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      toast.error('The idea was not moved', { description: describeError(error) });
    },
    onSuccess: (saved, { idea, day }) => {
      // The new version, so the next drag of the same tile is not a conflict.
      queryClient.setQueryData<CalendarView>(
        queryKey,
        (view) => view && withIdeaOn(view, { ...idea, version: saved.version }, day),
      );
      toast.success(`“${idea.title}” moved to ${dayName(day)}`);
    },
    onSettled: (_saved, _error, { idea }) => {
      for (const key of campaignIdeasKeys(idea.campaignId))
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
