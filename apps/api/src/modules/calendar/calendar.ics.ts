import { type CalendarIdea, IDEA_STATUS_NAMES, PLATFORM_NAMES } from '@muse/contracts';
import ical from 'ical-generator';
import type { Audience } from '../auth/audience.ts';

/**
 * The feed as iCalendar (RFC 5545): one all-day event per scheduled idea. ical-generator does
 * the escaping, line folding and all-day dates that calendar apps are strict about. An event's
 * UID is the idea's, so a rescheduled idea moves in the subscriber's calendar instead of doubling.
 */
/** What an event shows of an idea. */
type FeedIdea = Pick<
  CalendarIdea,
  | 'id'
  | 'campaignId'
  | 'scheduledFor'
  | 'title'
  | 'platform'
  | 'status'
  | 'hook'
  | 'clientName'
  | 'campaignName'
> & { updatedAt: Date };

export function calendarIcs(input: {
  calendarName: string;
  ideas: readonly FeedIdea[];
  audience: Audience;
  webOrigin: string;
  now: Date;
}): string {
  const area = input.audience.kind === 'agency' ? 'app' : 'portal';
  const calendar = ical({
    name: input.calendarName,
    prodId: { company: 'Muse', product: 'Content calendar' },
    // Calendar apps poll; an hour keeps a subscription fresh without hammering the feed.
    ttl: 60 * 60,
  });
  for (const idea of input.ideas) {
    if (!idea.scheduledFor) continue;
    calendar.createEvent({
      id: `${idea.id}@muse`,
      stamp: input.now,
      start: new Date(`${idea.scheduledFor}T00:00:00.000Z`),
      allDay: true,
      summary: `${idea.title} (${PLATFORM_NAMES[idea.platform]})`,
      description: [
        `${idea.clientName} · ${idea.campaignName}`,
        `Status: ${IDEA_STATUS_NAMES[idea.status]}`,
        idea.hook,
      ]
        .filter(Boolean)
        .join('\n'),
      url: `${input.webOrigin}/${area}/campaigns/${idea.campaignId}`,
      lastModified: idea.updatedAt,
    });
  }
  return calendar.toString();
}
