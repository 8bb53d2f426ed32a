import type { AnswerReviewActionBody, ReviewActionState } from '@muse/contracts';
import type { Database } from '@muse/db';
import { AppError } from '../../http/app-error.ts';
import type { TokenSigner } from '../../shared/signed-token.ts';
import { type Actor, userActor } from '../auth/actor.ts';
import type { IdeasService } from '../ideas/ideas.service.ts';
import type { ReviewLinksService } from '../review-links/review-links.service.ts';
import {
  ACTION_PURPOSE,
  type ActionPayload,
  ActionPayload as ActionPayloadSchema,
  actionExpiry,
  actionUrls,
  reviewOpenUrl,
} from './review-action-links.ts';

export interface ReviewActionsDeps {
  db: Database;
  signer: TokenSigner;
  webOrigin: string;
  ideas: IdeasService;
  links: ReviewLinksService;
}

const invalidLink = () =>
  new AppError('invalid_input', 'This link from your email is not valid or has expired', {
    details: [
      { location: 'body', path: ['token'], code: 'invalid_token', message: 'not a valid answer link' },
    ],
  });

/** The token of an address (`…/act/<token>`) the view hands back for the current version. */
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/**
 * Answers from a message's buttons. The token says who may answer what; the answer goes through
 * the same ideas service (and workflow rules) as the portal's, as that reviewer.
 */
export function createReviewActionsService(deps: ReviewActionsDeps) {
  const { db, signer, webOrigin, ideas, links } = deps;

  function verify(token: string): ActionPayload {
    const payload = signer.verify(ACTION_PURPOSE, token, ActionPayloadSchema);
    if (!payload) throw invalidLink();
    return payload;
  }

  /** Who the message was for, as an actor, while it may still answer (a revoked link may not). */
  async function reviewerOf(payload: ActionPayload) {
    const { tenantId, by } = payload;
    const tenant = await db.withTenantTx(tenantId, (tx) =>
      tx.tenant.findUnique({
        where: { id: tenantId },
        select: { id: true, name: true, slug: true, status: true, logoUrl: true },
      }),
    );
    if (!tenant) throw invalidLink();
    const agency = { name: tenant.name, logoUrl: tenant.logoUrl };
    if ('linkId' in by) {
      const actor = await links.actorOf({ tenantId, id: by.linkId }, false);
      const link = await db.withTenantTx(tenantId, (tx) =>
        tx.reviewLink.findUniqueOrThrow({ where: { id: by.linkId }, select: { expiresAt: true } }),
      );
      return {
        actor: actor as Actor,
        agency,
        reviewerName: actor.reviewerName,
        reviewUrl: reviewOpenUrl(signer, webOrigin, { tenantId, id: by.linkId, expiresAt: link.expiresAt }),
        linkExpiresAt: link.expiresAt,
      };
    }
    const user = await db.withTenantTx(tenantId, (tx) =>
      tx.user.findUnique({
        where: { id: by.userId },
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          status: true,
          clientId: true,
          client: { select: { id: true, name: true } },
        },
      }),
    );
    if (user?.role !== 'CLIENT' || user.status === 'DISABLED' || tenant.status !== 'ACTIVE') {
      throw new AppError('forbidden', 'This link no longer answers for you: sign in to the portal instead');
    }
    const actor = userActor({
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      status: user.status,
      tenantId,
      clientId: user.clientId,
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, status: tenant.status },
      client: user.client,
    });
    return {
      actor: actor as Actor,
      agency,
      reviewerName: user.name,
      reviewUrl: `${webOrigin}/portal`,
      linkExpiresAt: undefined,
    };
  }

  /** The answer's view; dates stay dates until the response leaves through the contract. */
  async function view(payload: ActionPayload, answered = false) {
    const reviewer = await reviewerOf(payload);
    const idea = await ideas.get(reviewer.actor, payload.ideaId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    });
    const campaignName = idea
      ? await db.withTenantTx(
          payload.tenantId,
          async (tx) =>
            (await tx.campaign.findUniqueOrThrow({ where: { id: idea.campaignId }, select: { name: true } }))
              .name,
        )
      : '';
    const state: ReviewActionState = !idea
      ? 'unavailable'
      : answered || idea.status !== 'PENDING_CLIENT'
        ? 'answered'
        : idea.version === payload.version
          ? 'ready'
          : 'changed';
    const current =
      state === 'changed' && idea
        ? actionUrls(
            signer,
            webOrigin,
            { tenantId: payload.tenantId, ideaId: idea.id, version: idea.version, by: payload.by },
            actionExpiry(new Date(), reviewer.linkExpiresAt),
          )
        : null;
    return {
      state,
      decision: payload.decision,
      agency: reviewer.agency,
      reviewerName: reviewer.reviewerName,
      campaignName,
      idea,
      current: current && { approve: tokenOf(current.approve), changes: tokenOf(current.changes) },
      reviewUrl: reviewer.reviewUrl,
    };
  }

  return {
    /** What the link stands for; changes nothing. */
    open: (token: string) => view(verify(token)),

    /** Gives the answer only if the idea still waits at the version the message showed. */
    async answer(body: AnswerReviewActionBody) {
      const payload = verify(body.token);
      const before = await view(payload);
      if (before.state !== 'ready') return before;
      const { actor } = await reviewerOf(payload);
      try {
        await ideas.update(actor, payload.ideaId, {
          version: payload.version,
          status: payload.decision,
          ...(body.comment ? { comment: body.comment } : {}),
        });
      } catch (error) {
        // Someone answered or the agency sent it again meanwhile: say where it stands now.
        if (error instanceof AppError && error.code === 'version_conflict') return view(payload);
        throw error;
      }
      return view(payload, true);
    },
  };
}
