import { deriveBrandProposalsJob } from '../modules/brand-proposals/brand-proposals.job.ts';
import { sendEmailJob } from '../modules/email/email.job.ts';
import { generateIdeasJob } from '../modules/generations/generations.job.ts';
import { sweepGenerationsJob } from '../modules/generations/generations.sweep.job.ts';
import { pruneLiveEventsJob } from '../modules/live/live.prune.job.ts';
import { deliverNotificationsJob } from '../modules/notifications/notifications.delivery.job.ts';
import { sendNotificationDigestsJob } from '../modules/notifications/notifications.digest.job.ts';
import { mailLinkHoldersJob } from '../modules/review-links/review-links.sending.job.ts';
import { sweepReviewRoundsJob } from '../modules/review-rounds/review-rounds.sweep.job.ts';
import type { AnyJobDefinition } from './job.ts';

/** Every job the API may enqueue and every worker works; a new job is one more line here. */
export const JOBS: readonly AnyJobDefinition[] = [
  generateIdeasJob,
  sweepGenerationsJob,
  sendEmailJob,
  deliverNotificationsJob,
  sendNotificationDigestsJob,
  mailLinkHoldersJob,
  sweepReviewRoundsJob,
  pruneLiveEventsJob,
  deriveBrandProposalsJob,
];
