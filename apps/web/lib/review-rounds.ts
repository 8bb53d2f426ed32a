import type { ReviewRound } from '@muse/contracts';
import { formatDate } from '@/lib/labels';

/** The rounds the client has not answered yet, oldest first: what the board shows. */
export const openRounds = (rounds: readonly ReviewRound[]) =>
  rounds.filter((round) => round.answeredAt === null).reverse();

/** "Waiting for the client since Mar 1, 2027, reminded 2×, review by Mar 10, 2027". */
export function waitingSentence(round: ReviewRound): string {
  const parts = [`Waiting for the client since ${formatDate(round.sentAt)}`];
  parts.push(round.remindersSent === 0 ? 'not reminded yet' : `reminded ${round.remindersSent}×`);
  if (round.reviewBy) parts.push(`review by ${formatDate(round.reviewBy)}`);
  return parts.join(', ');
}
