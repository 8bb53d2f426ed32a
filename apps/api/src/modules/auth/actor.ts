import type { Principal } from './principal.ts';

/** A signed-in user, acting in the workspace its token and X-Muse-Workspace chose. */
export type UserActor = { kind: 'user' } & Principal;

/** Whoever holds a client's review link to one campaign, without an account. */
export interface ReviewLinkActor {
  kind: 'review-link';
  linkId: string;
  tenantId: string;
  clientId: string;
  campaignId: string;
  /** Whom the agency gave the link: the audit log and comments name the holder so. */
  reviewerName: string;
}

/** Muse itself, in a background job (for one tenant, or across them). */
export interface SystemActor {
  kind: 'system';
  job: string;
  tenantId: string | null;
}

/**
 * Who is acting. Services take an `Actor` where any kind may act, and a `UserActor` where the
 * operation records a user (an author, a requester) or depends on the user's role.
 */
export type Actor = UserActor | ReviewLinkActor | SystemActor;

export function userActor(principal: Principal): UserActor {
  return { kind: 'user', ...principal };
}

/**
 * Who notifications name as having acted: a user by name, the holder of a review link as the
 * agency named the reviewer, with "(review link)". Only a user has an id (its own notices are
 * not sent to it).
 */
export function noticeActorOf(actor: Actor): { userId: string | null; name: string } {
  switch (actor.kind) {
    case 'user':
      return { userId: actor.userId, name: actor.name };
    case 'review-link':
      return { userId: null, name: `${actor.reviewerName} (review link)` };
    case 'system':
      return { userId: null, name: 'Muse' };
  }
}

/** Who the audit log names as the actor: only a user has an id there. */
export function actorIdOf(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/**
 * What the per-caller rate limits count a request under: the caller itself and its tenant.
 * Jobs are not rate limited.
 */
export function rateLimitKeysOf(actor: Actor): { caller: string; tenant: string | null } | null {
  switch (actor.kind) {
    case 'user':
      return { caller: actor.userId, tenant: actor.tenantId };
    case 'review-link':
      return { caller: `review-link:${actor.linkId}`, tenant: actor.tenantId };
    case 'system':
      return null;
  }
}
