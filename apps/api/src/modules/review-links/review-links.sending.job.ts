import { SENT_IDEAS_LISTED } from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { z } from 'zod';
import { defineJob, OUTBOX_WRITING } from '../../jobs/job.ts';
import { createTokenSigner, type TokenSigner } from '../../shared/signed-token.ts';
import { type EmailJobs, queueEmail } from '../email/email.queue.ts';
import { answerLinks } from '../notifications/answer-links.ts';
import { renderNotificationMail } from '../notifications/notifications.mail.ts';
import { unsubscribeLinks } from '../notifications/unsubscribe-link.ts';
import { reviewOpenUrl } from '../review-actions/review-action-links.ts';
import { reviewRoundsRepository } from '../review-rounds/review-rounds.repository.ts';
import { reviewLinksRepository } from './review-links.repository.ts';

const sendingData = z.object({
  tenantId: z.uuid(),
  campaignId: z.uuid(),
  ideaIds: z.array(z.uuid()).min(1).max(100),
  sentBy: z.string(),
});
type Sending = z.infer<typeof sendingData>;

interface SendingMailDeps {
  jobs: EmailJobs;
  signer: TokenSigner;
  webOrigin: string;
}

/**
 * Tells the holders of the campaign's review links (who have no account, so no notification
 * centre) that ideas wait for them: the ideas by name, each with Approve and Request changes, and
 * their review page. Each holder gets its own signed links; one message per holder and sending.
 */
export async function mailLinkHolders(
  tx: TenantTx,
  deps: SendingMailDeps,
  sending: Sending,
): Promise<number> {
  const { tenantId, campaignId } = sending;
  const now = new Date();
  const holders = await reviewLinksRepository.mailable(tx, campaignId, now);
  if (holders.length === 0) return 0;
  const [tenant, campaign, ideas] = await Promise.all([
    tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, logoUrl: true } }),
    tx.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { name: true } }),
    tx.idea.findMany({
      where: { id: { in: sending.ideaIds }, campaignId, status: 'PENDING_CLIENT' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, title: true, type: true, platform: true },
    }),
  ]);
  if (ideas.length === 0) return 0;
  for (const holder of holders) {
    if (!holder.reviewerEmail) continue;
    const by = { linkId: holder.id };
    const unsubscribe = unsubscribeLinks(deps.signer, deps.webOrigin, { tenantId, reviewLinkId: holder.id });
    const mail = renderNotificationMail({
      agency: tenant,
      side: 'client',
      notifications: [
        {
          campaignId,
          content: {
            kind: 'IDEAS_SENT',
            data: {
              campaignName: campaign.name,
              count: ideas.length,
              sentBy: sending.sentBy,
              ideas: ideas.slice(0, SENT_IDEAS_LISTED),
            },
          },
        },
      ],
      webOrigin: deps.webOrigin,
      unsubscribeUrl: unsubscribe.page,
      homeUrl: reviewOpenUrl(deps.signer, deps.webOrigin, {
        tenantId,
        id: holder.id,
        expiresAt: holder.expiresAt,
      }),
      ideaLinks: await answerLinks(
        tx,
        deps,
        { tenantId, by, linkExpiresAt: holder.expiresAt },
        ideas.map((idea) => idea.id),
      ),
    });
    await queueEmail(tx, deps.jobs, {
      tenantId,
      kind: 'ideas-to-review',
      recipient: holder.reviewerEmail,
      fromName: tenant.name,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: unsubscribe.headers,
    });
  }
  return holders.length;
}

/**
 * Announces a sending once the batch window after it has passed: the campaign's round stops
 * gathering (what is sent later is a round of its own), and the review-link holders are mailed.
 */
export const mailLinkHoldersJob = defineJob({
  name: 'mail-review-link-holders',
  data: sendingData,
  delaySeconds: ({ notifications }) => notifications.batchSeconds,
  ...OUTBOX_WRITING,
  handler: ({ config, db, queue }) => {
    const deps = {
      jobs: queue,
      signer: createTokenSigner(config.linkSigningSecret),
      webOrigin: config.webOrigin,
    };
    return async (job) => {
      await db.withTenantTx(job.data.tenantId, async (tx) => {
        await reviewRoundsRepository.announceGathering(tx, job.data.campaignId, new Date());
        await mailLinkHolders(tx, deps, job.data);
      });
    };
  },
});
