import type { IdeaTransition } from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { getContext } from '@muse/request-context';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { fromCalendarDate } from '../../shared/calendar-date.ts';
import { deriveBrandProposalsJob } from '../brand-proposals/brand-proposals.job.ts';
import { nextReminderAt, type ReminderCadence } from './review-rounds.cadence.ts';
import { reviewRoundsRepository } from './review-rounds.repository.ts';

/** One idea's move, as the rounds follow it. */
export interface RoundMove {
  ideaId: string;
  campaignId: string;
  move: IdeaTransition;
}

export const cadenceOf = (client: {
  reminderFirstAfterDays: number;
  reminderEveryDays: number;
  reminderLimit: number;
}): ReminderCadence => ({
  firstAfterDays: client.reminderFirstAfterDays,
  everyDays: client.reminderEveryDays,
  limit: client.reminderLimit,
});

/**
 * The ideas sent to the client join their campaign's gathering round, opened if there is none
 * (review-by from the sending, else the campaign's); a sending's own review-by date moves the
 * round's.
 */
async function joinRound(
  tx: TenantTx,
  tenantId: string,
  sending: { campaignId: string; ideaIds: string[]; sentById: string | null; reviewBy: Date | null },
  now: Date,
): Promise<void> {
  const campaign = await reviewRoundsRepository.campaignForSending(tx, sending.campaignId);
  if (!campaign) throw new Error(`campaign ${sending.campaignId} of a sending is gone`);
  const cadence = cadenceOf(campaign.client);
  const gathering = await reviewRoundsRepository.findGathering(tx, sending.campaignId);
  if (gathering && sending.reviewBy) {
    const state = { ...gathering, sentAt: gathering.createdAt, reviewBy: sending.reviewBy };
    await reviewRoundsRepository.setReviewBy(
      tx,
      gathering.id,
      sending.reviewBy,
      nextReminderAt(state, cadence),
    );
  }
  let roundId = gathering?.id;
  if (!roundId) {
    const reviewBy = sending.reviewBy ?? campaign.reviewBy;
    const state = { sentAt: now, reviewBy, remindersSent: 0, lastRemindedAt: null };
    roundId = await reviewRoundsRepository.openGathering(tx, {
      tenantId,
      campaignId: sending.campaignId,
      clientId: campaign.clientId,
      sentById: sending.sentById,
      reviewBy,
      sentAt: now,
      nextReminderAt: nextReminderAt(state, cadence),
    });
  }
  // Opened by a concurrent sending since we looked: join that one.
  roundId ??= (await reviewRoundsRepository.findGathering(tx, sending.campaignId))?.id;
  if (!roundId) throw new Error(`no gathering round for campaign ${sending.campaignId}`);
  await reviewRoundsRepository.assignIdeas(tx, roundId, sending.ideaIds);
}

/**
 * What the review rounds follow of a move, in its transaction: ideas sent to the client join a
 * round; ideas leaving PENDING_CLIENT answer their round once none of its ideas waits any more,
 * which stops its reminders and has the round's answers read for brand proposals.
 */
export async function followRounds(
  tx: TenantTx,
  jobs: Pick<JobQueue, 'enqueue'>,
  tenantId: string,
  sentById: string | null,
  moves: RoundMove[],
  sending: { reviewBy?: string } = {},
  now = new Date(),
): Promise<void> {
  const sent = new Map<string, string[]>();
  for (const { ideaId, campaignId, move } of moves) {
    if (move.startsRound) sent.set(campaignId, [...(sent.get(campaignId) ?? []), ideaId]);
  }
  const reviewBy = sending.reviewBy ? fromCalendarDate(sending.reviewBy) : null;
  for (const [campaignId, ideaIds] of sent) {
    await joinRound(tx, tenantId, { campaignId, ideaIds, sentById, reviewBy }, now);
  }
  const answered = await reviewRoundsRepository.answerEmptiedRounds(
    tx,
    tenantId,
    moves.filter(({ move }) => move.from === 'PENDING_CLIENT').map(({ ideaId }) => ideaId),
    now,
  );
  const requestId = getContext()?.requestId;
  for (const roundId of answered) {
    await jobs.enqueue(tx, deriveBrandProposalsJob, {
      tenantId,
      roundId,
      ...(requestId ? { requestId } : {}),
    });
  }
}
