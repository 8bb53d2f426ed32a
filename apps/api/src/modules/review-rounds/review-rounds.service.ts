import type { Database } from '@muse/db';
import { AppError, notFound } from '../../http/app-error.ts';
import type { UserActor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { toReviewRound } from './review-rounds.presenter.ts';
import { afterReminder, queueReminders, type ReminderDeps } from './review-rounds.reminders.ts';
import { reviewRoundsRepository } from './review-rounds.repository.ts';

export interface ReviewRoundsServiceDeps extends ReminderDeps {
  db: Database;
  now?: () => Date;
}

const answered = () =>
  new AppError('conflict', 'The client has answered this round: there is nothing to remind it of', {
    details: [{ reason: 'round_answered' }],
  });

/** The agency's side of review rounds: reading them, and reminding the client out of turn. */
export function createReviewRoundsService(deps: ReviewRoundsServiceDeps) {
  const { db } = deps;
  const clock = deps.now ?? (() => new Date());

  return {
    async listForCampaign(actor: UserActor, campaignId: string) {
      const now = clock();
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        if (!(await reviewRoundsRepository.campaignExists(tx, campaignId))) throw notFound('Campaign');
        const rows = await reviewRoundsRepository.listForCampaign(tx, campaignId);
        const pending = await reviewRoundsRepository.pendingCounts(
          tx,
          rows.map((row) => row.id),
        );
        return { items: rows.map((row) => toReviewRound(row, pending.get(row.id) ?? 0, now)) };
      });
    },

    /**
     * Sends the reminder now and starts the cadence again from now. Under the round's lock, so a
     * sweep that read the round before takes no reminder of its own (its claim finds it moved on).
     */
    async remindNow(actor: UserActor, id: string) {
      const tenantId = tenantScopeOf(actor);
      const now = clock();
      return db.withTenantTx(tenantId, async (tx) => {
        if (!(await reviewRoundsRepository.lock(tx, id))) throw notFound('Review round');
        const round = await reviewRoundsRepository.findForReminder(tx, id);
        if (!round) throw notFound('Review round');
        if (round.answeredAt) throw answered();
        const row = await reviewRoundsRepository.recordReminder(tx, id, afterReminder(round, now));
        await queueReminders(tx, tenantId, round, deps, now);
        const pending = await reviewRoundsRepository.pendingCounts(tx, [id]);
        return toReviewRound(row, pending.get(id) ?? 0, now);
      });
    },
  };
}
