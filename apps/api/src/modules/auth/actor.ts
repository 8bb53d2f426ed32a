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
