import type { AnalyticsQuery } from '@muse/contracts';

/** The periods the approvals page offers; custom takes its days from the address. */
export type PeriodChoice = '30' | '90' | 'custom';

const DAY_MS = 86_400_000;
const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The API's filters for what the address says: the last 30 or 90 days to today (UTC days, as
 * the API counts them), or the custom days given; a custom period lacking a day is the API's default.
 */
export function filtersOf(
  params: { period?: string | null; from?: string | null; to?: string | null; clientId?: string | null },
  now = new Date(),
): AnalyticsQuery {
  const clientId = params.clientId ? { clientId: params.clientId } : {};
  if (params.period === 'custom' && params.from && params.to) {
    return { from: params.from, to: params.to, ...clientId };
  }
  const days = params.period === '90' ? 90 : 30;
  return { from: utcDay(new Date(now.getTime() - (days - 1) * DAY_MS)), to: utcDay(now), ...clientId };
}

export const periodChoiceOf = (period: string | null | undefined): PeriodChoice =>
  period === '90' || period === 'custom' ? period : '30';

/** A time to answer in words: minutes under an hour, hours under two days, else days. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = seconds / 60;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Number(hours.toFixed(1))} h`;
  return `${Number((hours / 24).toFixed(1))} d`;
}

/** A share as a whole percentage; a dash where there was nothing to divide by. */
export const formatRate = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** The unit a chart of times draws in: minutes while the longest is under two hours, else hours. */
export function durationScale(longestSeconds: number) {
  const unit = longestSeconds < 2 * 3600 ? 'min' : 'h';
  const size = unit === 'min' ? 60 : 3600;
  return {
    unit,
    of: (seconds: number | null) => (seconds === null ? null : Number((seconds / size).toFixed(1))),
  };
}
