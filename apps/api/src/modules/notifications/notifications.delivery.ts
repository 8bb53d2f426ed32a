import { DEFAULT_NOTIFICATION_DELIVERY, NotificationContent, NotificationKind } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Logger } from '@muse/logger';
import type { JobContext } from '../../jobs/job.ts';
import { createTokenSigner, type TokenSigner } from '../../shared/signed-token.ts';
import { type EmailJobs, queueEmail } from '../email/email.queue.ts';
import { answerLinks, sentIdeaIds } from './answer-links.ts';
import { renderNotificationMail } from './notifications.mail.ts';
import { notificationsRepository } from './notifications.repository.ts';
import { unsubscribeLinks } from './unsubscribe-link.ts';

export interface DeliveryDeps {
  db: Database;
  jobs: EmailJobs;
  signer: TokenSigner;
  webOrigin: string;
  logger: Logger;
}

/** What a worker's delivery jobs deliver with. */
export function deliveryDepsOf({ config, db, logger, queue }: JobContext): DeliveryDeps {
  return {
    db,
    jobs: queue,
    signer: createTokenSigner(config.linkSigningSecret),
    webOrigin: config.webOrigin,
    logger,
  };
}

/**
 * Mails a user what it was notified of and no mail has covered yet, in one message: the kinds it
 * wants at once (`instant`), or everything pending (`digest`). Claiming the notifications and
 * queuing the message share one transaction, so each notification is mailed once.
 */
export async function deliverNotifications(
  deps: DeliveryDeps,
  target: { tenantId: string; userId: string },
  scope: 'instant' | 'digest',
): Promise<number> {
  const { tenantId, userId } = target;
  return deps.db.withTenantTx(tenantId, async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, role: true, status: true },
    });
    if (!user || user.status === 'DISABLED') return 0;
    const preferences = (await notificationsRepository.preferences(tx, [userId])).get(userId);
    const deliveryOf = (kind: NotificationKind) =>
      preferences?.get(kind) ?? DEFAULT_NOTIFICATION_DELIVERY[kind];
    const kinds = NotificationKind.options.filter((kind) =>
      scope === 'instant' ? deliveryOf(kind) === 'INSTANT' : deliveryOf(kind) !== 'OFF',
    );
    const claimed = (await notificationsRepository.claimUnmailed(tx, userId, kinds)).sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
    );
    if (claimed.length === 0) return 0;
    const tenant = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { name: true, logoUrl: true },
    });
    const unsubscribe = unsubscribeLinks(deps.signer, deps.webOrigin, {
      tenantId,
      userId,
      kinds: [...new Set(claimed.map((row) => row.kind))],
    });
    const notifications = claimed.map((row) => ({
      content: NotificationContent.parse({ kind: row.kind, data: row.data }),
      campaignId: row.campaignId,
    }));
    const side = user.role === 'CLIENT' ? 'client' : 'agency';
    const mail = renderNotificationMail({
      agency: tenant,
      side,
      notifications,
      webOrigin: deps.webOrigin,
      unsubscribeUrl: unsubscribe.page,
      ...(side === 'client'
        ? { ideaLinks: await answerLinks(tx, deps, { tenantId, by: { userId } }, sentIdeaIds(notifications)) }
        : {}),
    });
    await queueEmail(tx, deps.jobs, {
      tenantId,
      kind: scope === 'digest' ? 'notification-digest' : 'notification',
      recipient: user.email,
      fromName: tenant.name,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: unsubscribe.headers,
    });
    deps.logger.info({ userId, notifications: claimed.length, scope }, 'notifications mailed');
    return claimed.length;
  });
}
