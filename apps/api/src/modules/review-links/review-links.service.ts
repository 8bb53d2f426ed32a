import type { CreateReviewLinkBody, ReissueReviewLinkBody, ReviewSession } from '@muse/contracts';
import type { Database, TenantTx } from '@muse/db';
import { AppError, notFound } from '../../http/app-error.ts';
import { toCalendarDate } from '../../shared/calendar-date.ts';
import { hashSecretToken, isSecretTokenShaped, newSecretToken } from '../../shared/secret-token.ts';
import type { TokenSigner } from '../../shared/signed-token.ts';
import { audit } from '../activity/audit.ts';
import type { ReviewLinkActor, UserActor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import type { EmailJobs } from '../email/email.queue.ts';
import { queueEmail } from '../email/email.queue.ts';
import { OPEN_PURPOSE, OpenPayload } from '../review-actions/review-action-links.ts';
import { reviewLinkMessage } from './review-links.mail.ts';
import { reviewUrl, stateOf, toReviewLink } from './review-links.presenter.ts';
import { type ReviewLinkRow, reviewLinksRepository } from './review-links.repository.ts';

const DAY_MS = 86_400_000;

const unknownLink = () => new AppError('unauthenticated', 'This review link is not valid');

const archivedCampaign = () =>
  new AppError('conflict', 'The campaign is archived: it is no longer shared for review', {
    details: [{ reason: 'campaign_archived' }],
  });

interface Reviewer {
  name: string;
  email: string | null;
}

export interface ReviewLinksDeps {
  db: Database;
  jobs: EmailJobs;
  /** Where the guest page lives: the link is `${webOrigin}/review/${token}`. */
  webOrigin: string;
  /** Checks the signed addresses of a link that messages carry (the link's own token is never kept). */
  signer: TokenSigner;
  now?: () => Date;
}

export function createReviewLinksService(deps: ReviewLinksDeps) {
  const { db, jobs, webOrigin } = deps;
  const now = deps.now ?? (() => new Date());

  /** A new link for the reviewer; the reviewer's earlier links to the campaign are revoked. */
  async function issue(
    tx: TenantTx,
    actor: UserActor,
    campaignId: string,
    reviewer: Reviewer,
    expiresInDays: number,
  ) {
    const tenantId = tenantScopeOf(actor);
    const campaign = await reviewLinksRepository.findCampaign(tx, campaignId);
    if (!campaign) throw notFound('Campaign');
    if (campaign.status === 'ARCHIVED') throw archivedCampaign();
    const at = now();
    const replaced = await reviewLinksRepository.revokeSameReviewer(tx, campaignId, reviewer, at);
    const token = newSecretToken();
    const link = await reviewLinksRepository.create(tx, {
      tenantId,
      campaignId,
      clientId: campaign.clientId,
      reviewerName: reviewer.name,
      reviewerEmail: reviewer.email,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(at.getTime() + expiresInDays * DAY_MS),
      createdById: actor.userId,
    });
    const url = reviewUrl(webOrigin, token);
    if (reviewer.email) {
      await queueEmail(
        tx,
        jobs,
        reviewLinkMessage({
          tenantId,
          agency: campaign.tenant,
          campaignName: campaign.name,
          reviewer: { name: reviewer.name, email: reviewer.email },
          url,
          expiresAt: link.expiresAt,
        }),
      );
    }
    await audit(tx, tenantId, actor, [
      ...replaced.map((old) => revokedEvent(campaign.name, old, true)),
      {
        entityId: campaignId,
        action: 'campaign.review_link_created',
        data: {
          name: campaign.name,
          linkId: link.id,
          reviewerName: link.reviewerName,
          mailed: reviewer.email !== null,
          expiresAt: link.expiresAt.toISOString(),
        },
      },
    ]);
    return { link: toReviewLink(link, at), url };
  }

  /** The link a presented token names: a signed address from a message, or the link's own token. */
  async function findLinkOf(token: string): Promise<{ tenantId: string; id: string } | undefined> {
    const signed = deps.signer.verify(OPEN_PURPOSE, token, OpenPayload, now());
    if (signed) return { tenantId: signed.tenantId, id: signed.linkId };
    if (!isSecretTokenShaped(token)) return undefined;
    return (
      (await db.withPlatformTx((tx) =>
        reviewLinksRepository.findTenantOfToken(tx, hashSecretToken(token)),
      )) ?? undefined
    );
  }

  /** The holder of a link, while the link works: a revoked or expired one answers its own code. */
  async function actorOf(found: { tenantId: string; id: string }, touch: boolean): Promise<ReviewLinkActor> {
    return db.withTenantTx(found.tenantId, async (tx) => {
      const link = await reviewLinksRepository.findWithCampaign(tx, found.id);
      if (!link) throw unknownLink();
      const at = now();
      const state = stateOf(link, at);
      if (state === 'REVOKED' || link.tenant.status !== 'ACTIVE') {
        throw new AppError('review_link_revoked', 'This review link no longer works');
      }
      if (state === 'EXPIRED') throw new AppError('review_link_expired', 'This review link has expired');
      if (touch) await reviewLinksRepository.markUsed(tx, link.id, at);
      return {
        kind: 'review-link',
        linkId: link.id,
        tenantId: link.tenantId,
        clientId: link.clientId,
        campaignId: link.campaignId,
        reviewerName: link.reviewerName,
      };
    });
  }

  return {
    async list(actor: UserActor, campaignId: string) {
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        if (!(await reviewLinksRepository.findCampaign(tx, campaignId))) throw notFound('Campaign');
        const rows = await reviewLinksRepository.listForCampaign(tx, campaignId);
        const at = now();
        return { items: rows.map((row) => toReviewLink(row, at)) };
      });
    },

    create(actor: UserActor, campaignId: string, body: CreateReviewLinkBody) {
      return db.withTenantTx(tenantScopeOf(actor), (tx) =>
        issue(
          tx,
          actor,
          campaignId,
          { name: body.reviewerName, email: body.reviewerEmail },
          body.expiresInDays,
        ),
      );
    },

    /** Revoking a revoked link changes nothing and answers it as it is. */
    async revoke(actor: UserActor, id: string) {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const link = await reviewLinksRepository.findWithCampaign(tx, id);
        if (!link) throw notFound('Review link');
        const at = now();
        const revoked = await reviewLinksRepository.revoke(tx, id, at);
        if (!revoked) return toReviewLink(link, at);
        await audit(tx, tenantId, actor, revokedEvent(link.campaign.name, revoked, false));
        return toReviewLink(revoked, at);
      });
    },

    async reissue(actor: UserActor, id: string, body: ReissueReviewLinkBody) {
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        const link = await reviewLinksRepository.findById(tx, id);
        if (!link) throw notFound('Review link');
        return issue(
          tx,
          actor,
          link.campaignId,
          { name: link.reviewerName, email: link.reviewerEmail },
          body.expiresInDays,
        );
      });
    },

    /**
     * The holder of a token, or why not: an unknown token is 401, an expired or revoked link (or
     * a suspended agency's) answers its own code, and none of these answers holds any data.
     * Only an answer (`touch`) marks the link used: opening it, as mail scanners do, changes nothing.
     */
    async authenticate(token: string | undefined, touch: boolean): Promise<ReviewLinkActor> {
      const found = token ? await findLinkOf(token) : undefined;
      if (!found) throw unknownLink();
      return actorOf(found, touch);
    },

    actorOf,

    async session(actor: ReviewLinkActor): Promise<ReviewSession> {
      return db.withTenantTx(actor.tenantId, async (tx) => {
        const link = await reviewLinksRepository.findWithCampaign(tx, actor.linkId);
        if (!link) throw unknownLink();
        const { campaign } = link;
        return {
          reviewerName: link.reviewerName,
          agencyName: link.tenant.name,
          expiresAt: link.expiresAt.toISOString(),
          campaign: {
            id: campaign.id,
            name: campaign.name,
            brief: campaign.brief,
            startDate: toCalendarDate(campaign.startDate),
            endDate: toCalendarDate(campaign.endDate),
          },
        };
      });
    },
  };
}

function revokedEvent(campaignName: string, link: ReviewLinkRow, replaced: boolean) {
  return {
    entityId: link.campaignId,
    action: 'campaign.review_link_revoked' as const,
    data: { name: campaignName, linkId: link.id, reviewerName: link.reviewerName, replaced },
  };
}

export type ReviewLinksService = ReturnType<typeof createReviewLinksService>;
