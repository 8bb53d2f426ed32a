import { REVIEW_LINK_HEADER, WORKSPACE_HEADER } from '@muse/contracts';
import { extendContext } from '@muse/request-context';
import type { RequestHandler, Response } from 'express';
import { type Actor, type ReviewLinkActor, type UserActor, userActor } from '../modules/auth/actor.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { VerifiedIdentity } from '../modules/auth/token-verifier.ts';
import { requestedWorkspace } from '../modules/auth/workspace.ts';
import type { CalendarService } from '../modules/calendar/calendar.service.ts';
import type { LiveStreamGrant, LiveTokens } from '../modules/live/live.token.ts';
import type { ReviewLinksService } from '../modules/review-links/review-links.service.ts';
import { AppError } from './app-error.ts';

export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const workspace = requestedWorkspace(req.get(WORKSPACE_HEADER));
    const principal = await auth.authenticate(req.headers.authorization, workspace);
    res.locals.actor = userActor(principal);
    extendContext({
      userId: principal.userId,
      ...(principal.tenantId ? { tenantId: principal.tenantId } : {}),
    });
    next();
  };
}

/** Who is acting on a route that authenticates its caller (authenticate ran before). */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new Error('actorOf called on a route without authentication');
  return actor;
}

/** The signed-in user of a route whose access names a permission. */
export function signedInUserOf(res: Response): UserActor {
  const actor = actorOf(res);
  if (actor.kind !== 'user') throw new Error(`a ${actor.kind} reached a route for signed-in users`);
  return actor;
}

/** For routes of the identity itself (its workspaces, its invitations): a verified token, no membership. */
export function identify(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    res.locals.identity = await auth.identify(req.headers.authorization);
    next();
  };
}

export function identityOf(res: Response): VerifiedIdentity {
  const identity = res.locals.identity as VerifiedIdentity | undefined;
  if (!identity) throw new Error('identityOf called on a route without identification');
  return identity;
}

/**
 * For routes of a review link's holder: the token from its header (never the path) becomes the
 * link's actor, or the answer says why not. Only an explicit answer (not a GET) marks it used.
 */
export function authenticateReviewLink(links: Pick<ReviewLinksService, 'authenticate'>): RequestHandler {
  return async (req, res, next) => {
    const actor = await links.authenticate(req.get(REVIEW_LINK_HEADER), req.method !== 'GET');
    res.locals.actor = actor;
    extendContext({ tenantId: actor.tenantId });
    next();
  };
}

/** The holder of the review link on a route for link holders. */
export function reviewLinkActorOf(res: Response): ReviewLinkActor {
  const actor = actorOf(res);
  if (actor.kind !== 'review-link') throw new Error(`a ${actor.kind} reached a route for review links`);
  return actor;
}

/**
 * For the live stream: the token of its `token` query parameter becomes the stream's grant (its
 * reader and end), or 401. Nothing else opens a stream: the token was issued to a session or a
 * review link that the normal pipeline authenticated.
 */
export function authenticateStream(tokens: Pick<LiveTokens, 'verify'>): RequestHandler {
  return (req, res, next) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const grant = token ? tokens.verify(token) : null;
    if (!grant)
      throw new AppError(
        'unauthenticated',
        'Open the live stream with a live-stream token that has not expired',
      );
    res.locals.liveStream = grant;
    extendContext({
      tenantId: grant.reader.tenantId,
      ...(grant.reader.userId ? { userId: grant.reader.userId } : {}),
    });
    next();
  };
}

export function liveStreamGrantOf(res: Response): LiveStreamGrant {
  const grant = res.locals.liveStream as LiveStreamGrant | undefined;
  if (!grant) throw new Error('liveStreamGrantOf called on a route without a stream token');
  return grant;
}

/**
 * For a calendar feed: the secret of its `token` query parameter (calendar apps send no headers
 * of ours) becomes the member whose address it is, as the member is now; or 401.
 */
export function authenticateFeed(calendar: Pick<CalendarService, 'authenticateFeed'>): RequestHandler {
  return async (req, res, next) => {
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    const actor = await calendar.authenticateFeed(token);
    res.locals.actor = actor;
    extendContext({ userId: actor.userId, ...(actor.tenantId ? { tenantId: actor.tenantId } : {}) });
    next();
  };
}
