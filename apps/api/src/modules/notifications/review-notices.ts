import {
  ClientAnswer,
  type IdeaStatus,
  type IdeaType,
  type Platform,
  SENT_IDEAS_LISTED,
} from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { mailLinkHoldersJob } from '../review-links/review-links.sending.job.ts';
import { type NotificationJobs, notify } from './notify.ts';
import { recipients } from './recipients.ts';

/** One idea's move, as the workflow wrote it. */
export interface MovedIdea {
  idea: { id: string; title: string; campaignId: string; type: IdeaType; platform: Platform };
  /** Where it moved from, when known: an earlier answer makes this one a changed answer. */
  from?: IdeaStatus;
  to: IdeaStatus;
  /** Sending to the client. */
  startsRound: boolean;
  comment?: string;
}

/** Who acted, as notifications name them: a user's name, or "Name (review link)". */
export interface NoticeActor {
  userId: string | null;
  name: string;
}

const isAnswer = (status: IdeaStatus) => ClientAnswer.safeParse(status).success;

async function campaignsOf(tx: TenantTx, ids: string[]) {
  const rows = await tx.campaign.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true, clientId: true, client: { select: { name: true } } },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Tells the other side of the review what moved: the brand's contacts that ideas wait for them
 * (one notification per campaign, however many ideas were sent), the agency of each answer.
 */
export async function notifyOfMoves(
  tx: TenantTx,
  jobs: NotificationJobs,
  tenantId: string,
  actor: NoticeActor,
  moves: readonly MovedIdea[],
): Promise<void> {
  const relevant = moves.filter((move) => move.startsRound || isAnswer(move.to));
  if (relevant.length === 0) return;
  const campaigns = await campaignsOf(
    tx,
    relevant.map((move) => move.idea.campaignId),
  );

  const sentByCampaign = new Map<string, MovedIdea['idea'][]>();
  for (const move of relevant) {
    if (!move.startsRound) continue;
    sentByCampaign.set(move.idea.campaignId, [
      ...(sentByCampaign.get(move.idea.campaignId) ?? []),
      move.idea,
    ]);
  }
  for (const [campaignId, ideas] of sentByCampaign) {
    const campaign = campaigns.get(campaignId);
    if (!campaign) continue;
    await jobs.enqueue(tx, mailLinkHoldersJob, {
      tenantId,
      campaignId,
      ideaIds: ideas.map((idea) => idea.id),
      sentBy: actor.name,
    });
    await notify(tx, jobs, tenantId, await recipients.clientOf(tx, campaign.clientId, actor.userId), {
      kind: 'IDEAS_SENT',
      campaignId,
      data: {
        campaignName: campaign.name,
        count: ideas.length,
        sentBy: actor.name,
        ideas: ideas
          .slice(0, SENT_IDEAS_LISTED)
          .map(({ id, title, type, platform }) => ({ id, title, type, platform })),
      },
    });
  }

  for (const move of relevant) {
    const campaign = campaigns.get(move.idea.campaignId);
    const answer = ClientAnswer.safeParse(move.to);
    if (!campaign || !answer.success) continue;
    const earlier = ClientAnswer.safeParse(move.from);
    await notify(tx, jobs, tenantId, await recipients.agencyOf(tx, campaign.id, actor.userId), {
      kind: 'CLIENT_ANSWERED',
      campaignId: campaign.id,
      ideaId: move.idea.id,
      data: {
        campaignName: campaign.name,
        clientName: campaign.client.name,
        ideaTitle: move.idea.title,
        answer: answer.data,
        ...(earlier.success ? { changedFrom: earlier.data } : {}),
        by: actor.name,
        comment: move.comment ?? null,
      },
    });
  }
}

/** Tells the other side of a comment addressed to it; internal notes stay with the agency. */
export async function notifyOfComment(
  tx: TenantTx,
  jobs: NotificationJobs,
  tenantId: string,
  actor: NoticeActor & { side: 'agency' | 'client' },
  comment: {
    idea: { id: string; title: string; campaignId: string };
    body: string;
    visibility: 'INTERNAL' | 'CLIENT';
  },
): Promise<void> {
  if (comment.visibility !== 'CLIENT') return;
  const campaign = (await campaignsOf(tx, [comment.idea.campaignId])).get(comment.idea.campaignId);
  if (!campaign) return;
  const to =
    actor.side === 'agency'
      ? await recipients.clientOf(tx, campaign.clientId, actor.userId)
      : await recipients.agencyOf(tx, campaign.id, actor.userId);
  await notify(tx, jobs, tenantId, to, {
    kind: 'COMMENT',
    campaignId: campaign.id,
    ideaId: comment.idea.id,
    data: {
      campaignName: campaign.name,
      ideaTitle: comment.idea.title,
      by: actor.name,
      excerpt: comment.body.length > 200 ? `${comment.body.slice(0, 199)}…` : comment.body,
    },
  });
}
