import type { CampaignStatus, IdeaContentField, IdeaStatus, TenantStatus, UserStatus } from '@muse/contracts';
import type { BadgeTone } from '@/components/ui/badge';

export const IDEA_STATUS: Record<IdeaStatus, { label: string; clientLabel: string; tone: BadgeTone }> = {
  GENERATED: { label: 'Drafts', clientLabel: 'Draft', tone: 'neutral' },
  PENDING_CLIENT: { label: 'With client', clientLabel: 'Awaiting your review', tone: 'info' },
  CHANGES_REQUESTED: { label: 'Changes requested', clientLabel: 'Changes requested', tone: 'warning' },
  CLIENT_APPROVED: { label: 'Approved', clientLabel: 'Approved', tone: 'success' },
  CLIENT_REJECTED: { label: 'Rejected by client', clientLabel: 'Rejected', tone: 'danger' },
  AGENCY_REJECTED: { label: 'Discarded', clientLabel: 'Discarded', tone: 'neutral' },
};

/** Board columns, in the order an idea travels. */
export const BOARD_COLUMNS: readonly IdeaStatus[] = [
  'GENERATED',
  'PENDING_CLIENT',
  'CHANGES_REQUESTED',
  'CLIENT_APPROVED',
  'CLIENT_REJECTED',
  'AGENCY_REJECTED',
];

export const CAMPAIGN_STATUS: Record<CampaignStatus, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: 'Draft', tone: 'neutral' },
  ACTIVE: { label: 'Active', tone: 'success' },
  COMPLETED: { label: 'Completed', tone: 'info' },
  ARCHIVED: { label: 'Archived', tone: 'neutral' },
};

export const USER_STATUS: Record<UserStatus, { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: 'Active', tone: 'success' },
  INVITED: { label: 'Invited', tone: 'info' },
  DISABLED: { label: 'Disabled', tone: 'neutral' },
};

export const TENANT_STATUS: Record<TenantStatus, { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: 'Active', tone: 'success' },
  SUSPENDED: { label: 'Suspended', tone: 'danger' },
};

const dateFormat = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const numberFormat = new Intl.NumberFormat('en');
const compactFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** Calendar dates (YYYY-MM-DD) are shown as written, without a time-zone shift. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return dateFormat.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));
}

export function formatDateRange(start: string | null, end: string | null): string {
  if (!start && !end) return 'No dates yet';
  return `${formatDate(start)} – ${formatDate(end)}`;
}

export const formatNumber = (value: number) => numberFormat.format(value);
export const formatCompact = (value: number) => compactFormat.format(value);

/** "1 draft", "2 drafts", "1,200 tokens"; `many` for words that do not just take an s. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** "<1% used" rather than a misleading "0% used" once anything is spent; never rounds up to 100%. */
export function formatShareUsed(used: number, quota: number): string {
  if (used >= quota) return '100% used';
  const percent = (used / quota) * 100;
  if (used > 0 && percent < 1) return '<1% used';
  return `${Math.floor(percent)}% used`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function timeAgo(value: string, now = Date.now()): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** What each of an idea's content fields is called on screen. */
export const IDEA_FIELD_LABELS: Record<IdeaContentField, string> = {
  title: 'Title',
  hook: 'Hook',
  caption: 'Caption',
  hashtags: 'Hashtags',
  callToAction: 'Call to action',
  visualDirection: 'Visual direction',
  durationSec: 'Duration',
  beats: 'Script',
  audioSuggestion: 'Audio',
};
