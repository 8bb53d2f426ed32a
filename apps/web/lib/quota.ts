import { QuotaExceededDetail, type RouteCallError } from '@muse/contracts';
import { formatDate, formatNumber } from '@/lib/labels';

/** The first day of the next calendar month (UTC), when the API starts counting the quota afresh. */
export function nextQuotaMonth(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
}

/**
 * No run fits once the month's tokens reach the quota: the API refuses every generation (429
 * `quota_exceeded`) until the quota is raised or the month turns.
 */
export const generationBlocked = (tokensSpent: number, monthlyTokenQuota: number) =>
  tokensSpent >= monthlyTokenQuota;

export const blockedSentence = (resetsAt: string) =>
  `Generation is blocked until the quota is raised or the month turns on ${formatDate(resetsAt)}.`;

/** What a refused run says: blocked outright, or too big for what is left this month. */
export function quotaRefusal(error: RouteCallError): string {
  const detail = QuotaExceededDetail.safeParse(error.details[0]);
  if (!detail.success) return error.message;
  const { monthlyTokenQuota, tokensUsed, tokensReserved, tokensRequested, resetsAt } = detail.data;
  const left = monthlyTokenQuota - tokensUsed - tokensReserved;
  if (left <= 0) return `Your agency has used its monthly token quota. ${blockedSentence(resetsAt)}`;
  return `This run needs about ${formatNumber(tokensRequested)} tokens and ${formatNumber(left)} are left this month. Ask for fewer ideas, or for a higher quota.`;
}
