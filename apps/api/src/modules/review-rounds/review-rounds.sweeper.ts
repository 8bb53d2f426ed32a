import type { Database } from '@muse/db';
import type { Logger } from '@muse/logger';
import { toCalendarDate } from '../../shared/calendar-date.ts';
import { audit } from '../activity/audit.ts';
import { notify } from '../notifications/notify.ts';
import { startOfUtcDay } from './review-rounds.cadence.ts';
import {
  afterReminder,
  owedReminderAt,
  queueReminders,
  type ReminderDeps,
} from './review-rounds.reminders.ts';
import { reviewRoundsRepository } from './review-rounds.repository.ts';

/** Rounds taken per sweep of each kind; the next sweep takes the rest. */
const BATCH = 100;

export interface ReminderSweeperDeps extends ReminderDeps {
  db: Database;
  logger: Logger;
  /** The sweep's clock: tests move it on by days. */
  now?: () => Date;
}

/**
 * Finds, across tenants, the rounds whose reminder is due and those whose review-by date passed
 * unanswered, then works each in its tenant. Each reminder and each escalation is claimed with a
 * conditional update in the transaction that queues its mail or writes its event, so two workers
 * sweeping at once send each exactly once.
 */
export function createReminderSweeper(deps: ReminderSweeperDeps) {
  const { db, logger } = deps;
  const clock = deps.now ?? (() => new Date());

  async function remind(round: { id: string; tenantId: string; nextReminderAt: Date | null }, now: Date) {
    const due = round.nextReminderAt;
    if (!due) return false;
    return db.withTenantTx(round.tenantId, async (tx) => {
      const current = await reviewRoundsRepository.findForReminder(tx, round.id);
      if (!current) return false;
      const owed = owedReminderAt(current);
      if (!owed || owed > now) {
        // The cadence changed since: no reminder is owed now; the round waits for the one that is.
        await reviewRoundsRepository.reschedule(tx, round.id, due, owed);
        return false;
      }
      if (!(await reviewRoundsRepository.claimReminder(tx, round.id, due, afterReminder(current, now)))) {
        return false;
      }
      await queueReminders(tx, round.tenantId, current, deps, now);
      return true;
    });
  }

  async function escalate(round: { id: string; tenantId: string }, now: Date) {
    const today = startOfUtcDay(now);
    return db.withTenantTx(round.tenantId, async (tx) => {
      if (!(await reviewRoundsRepository.claimEscalation(tx, round.id, today, now))) return false;
      const current = await reviewRoundsRepository.findForReminder(tx, round.id);
      if (!current?.reviewBy) return false;
      const pending = (await reviewRoundsRepository.pendingCounts(tx, [round.id])).get(round.id) ?? 0;
      const reviewBy = toCalendarDate(current.reviewBy);
      await audit(
        tx,
        round.tenantId,
        { userId: null },
        {
          entityId: current.campaignId,
          action: 'campaign.review_overdue',
          data: {
            name: current.campaign.name,
            reviewRoundId: current.id,
            reviewBy,
            pending,
          },
        },
      );
      if (pending > 0) {
        await notify(
          tx,
          deps.jobs,
          round.tenantId,
          await reviewRoundsRepository.overdueRecipients(tx, current.sentById),
          {
            kind: 'REVIEW_OVERDUE',
            campaignId: current.campaignId,
            data: { campaignName: current.campaign.name, clientName: current.client.name, reviewBy, pending },
          },
        );
      }
      return true;
    });
  }

  /** The rounds reminded and those escalated by this sweep. */
  return async function sweep(): Promise<{ reminded: string[]; escalated: string[] }> {
    const now = clock();
    const [dueReminders, dueEscalations] = await db.withPlatformTx(async (tx) => [
      await reviewRoundsRepository.listDueReminders(tx, now, BATCH),
      await reviewRoundsRepository.listDueEscalations(tx, startOfUtcDay(now), BATCH),
    ]);
    const reminded: string[] = [];
    for (const round of dueReminders) if (await remind(round, now)) reminded.push(round.id);
    const escalated: string[] = [];
    for (const round of dueEscalations) if (await escalate(round, now)) escalated.push(round.id);
    if (reminded.length + escalated.length > 0) {
      logger.info({ reminded: reminded.length, escalated: escalated.length }, 'review rounds swept');
    }
    return { reminded, escalated };
  };
}
