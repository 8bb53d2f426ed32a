import type { CalendarCampaign } from '@muse/contracts';

/**
 * Calendar days are `YYYY-MM-DD` strings, computed in UTC: a day is a date, not an instant, so
 * no time zone moves an idea to the day before.
 */
export type CalendarView = 'month' | 'week';

const DAY_MS = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (day: string, count: number) =>
  toDay(new Date(toDate(day).getTime() + count * DAY_MS));

/** Today where the reader is. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return toDay(local);
}

/** The Monday of the day's week (weeks start on Monday). */
export function weekStart(day: string): string {
  return addDays(day, -((toDate(day).getUTCDay() + 6) % 7));
}

/** The days a view shows around `anchor`: a week, or the whole weeks that cover its month. */
export function visibleDays(view: CalendarView, anchor: string): string[] {
  const first = view === 'week' ? weekStart(anchor) : weekStart(`${anchor.slice(0, 7)}-01`);
  const count =
    view === 'week' ? 7 : Math.ceil((daysInMonth(anchor) + dayOfWeek(`${anchor.slice(0, 7)}-01`)) / 7) * 7;
  return Array.from({ length: count }, (_, index) => addDays(first, index));
}

function daysInMonth(day: string): number {
  const date = toDate(day);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** 0 for Monday … 6 for Sunday. */
const dayOfWeek = (day: string) => (toDate(day).getUTCDay() + 6) % 7;

/** The anchor a step back or forward shows: the same day of the next month (clamped), or of the next week. */
export function shiftAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  if (view === 'week') return addDays(anchor, step * 7);
  const date = toDate(`${anchor.slice(0, 7)}-01`);
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step, 1)));
}

const format = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
const monthTitle = format({ month: 'long', year: 'numeric' });
const longDay = format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDay = format({ day: 'numeric', month: 'short' });

/** What the toolbar says the view shows. */
export function viewTitle(view: CalendarView, anchor: string): string {
  if (view === 'month') return monthTitle.format(toDate(anchor));
  const days = visibleDays('week', anchor);
  return `${shortDay.format(toDate(days[0] ?? anchor))} – ${shortDay.format(toDate(days[6] ?? anchor))} ${anchor.slice(0, 4)}`;
}

/** A day in words, for headings and the names of drop targets: "Tuesday 15 December 2026". */
export const dayName = (day: string) => longDay.format(toDate(day)).replace(',', '');

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** What a day marks of a campaign: its first or last day, or the day its review is due. */
export type CampaignMark = { campaign: CalendarCampaign; kind: 'starts' | 'ends' | 'review' };

export function campaignMarks(day: string, campaigns: readonly CalendarCampaign[]): CampaignMark[] {
  return campaigns.flatMap((campaign) => [
    ...(campaign.startDate === day ? [{ campaign, kind: 'starts' as const }] : []),
    ...(campaign.endDate === day ? [{ campaign, kind: 'ends' as const }] : []),
    ...(campaign.reviewBy === day ? [{ campaign, kind: 'review' as const }] : []),
  ]);
}

/** Whether the day lies within the campaign's run. */
export const runsOn = (day: string, campaign: CalendarCampaign) =>
  campaign.startDate !== null &&
  campaign.startDate <= day &&
  (campaign.endDate === null || day <= campaign.endDate);
