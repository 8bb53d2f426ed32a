import type { Platform, ValidationIssue } from '@muse/contracts';
import { AppError } from '../../http/app-error.ts';

/** What the rules of a campaign look at, as the campaign will be once written. */
export interface CampaignPlan {
  platforms: readonly Platform[];
  startDate: string | null;
  endDate: string | null;
  numPosts: number;
  numReels: number;
}

/**
 * The rules a campaign keeps, checked on the result of a create or an update (the stored
 * values plus the change): dates in order, something to make, platforms the client is on.
 */
export function checkCampaignPlan(plan: CampaignPlan, client: { platforms: readonly Platform[] }): void {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, message: string) =>
    issues.push({ location: 'body', path: [path], code: 'custom', message });
  if (plan.startDate && plan.endDate && plan.endDate < plan.startDate) {
    issue('endDate', 'the campaign cannot end before it starts');
  }
  if (plan.numPosts + plan.numReels === 0) issue('numPosts', 'plan at least one post or reel');
  const foreign = plan.platforms.filter((platform) => !client.platforms.includes(platform));
  if (foreign.length > 0) {
    issue(
      'platforms',
      `the client is not on ${foreign.join(', ')} (it is on ${client.platforms.join(', ') || 'no platform'})`,
    );
  }
  if (issues.length > 0)
    throw new AppError('invalid_input', 'The campaign is not valid', { details: issues });
}
