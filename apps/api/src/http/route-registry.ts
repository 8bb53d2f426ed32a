import type { RouteContract } from '@muse/contracts';
import type { Express, Request, RequestHandler, Response } from 'express';
import type { ReviewLinkActor, UserActor } from '../modules/auth/actor.ts';
import { type Action, authorize, PERMISSIONS } from '../modules/auth/permissions.ts';
import type { ResourceKind } from '../modules/auth/resources.ts';
import type { VerifiedIdentity } from '../modules/auth/token-verifier.ts';
import type { LiveStreamGrant } from '../modules/live/live.token.ts';
import { identityOf, liveStreamGrantOf, reviewLinkActorOf, signedInUserOf } from './authenticate.ts';
import { type ParsedRequest, parseRequest, sendResponse } from './validation.ts';

/**
 * Every route of the API is declared once: its contract, who may call it, and its handler.
 * Routes reach Express only through mountRoutes, which authenticates, checks the route's access
 * against the permission table and parses the request with the contract before any handler runs,
 * so none can skip them; the authorization matrix test reads each declaration back from the live
 * route table.
 */
export type Access =
  /** Anyone. */
  | 'public'
  /** No sign-in: the handler asks for the METRICS_TOKEN bearer. */
  | 'metrics-token'
  /**
   * No sign-in: the body carries a link a message held (unsubscribe, an answer), signed for one
   * purpose; the handler verifies it, and a body without a valid one is 400.
   */
  | 'signed-link'
  /** A verified token, in no workspace: the identity's own workspaces and invitations. */
  | 'identity'
  /** The holder of a review link (its token in the X-Muse-Review-Link header), in its one campaign. */
  | 'review-link'
  /**
   * A live-stream token in the `token` query parameter (EventSource sends no headers), which a
   * member or a link holder was issued through the routes above: the stream's reader (401 without).
   */
  | 'stream-token'
  /**
   * The secret of a member's calendar subscription address in the `token` query parameter
   * (calendar apps cannot sign in): the member as it is now (401 without).
   */
  | 'feed-token'
  /** A signed-in member whose role the permission table allows this action. */
  | Action;

/**
 * Whether a route's callers sign in as a user (its access names a permission). A new kind of
 * access does not compile here until it is given its place, so it cannot pass for a member's.
 */
export function signsIn(access: Access): access is Action {
  switch (access) {
    case 'public':
    case 'metrics-token':
    case 'signed-link':
    case 'identity':
    case 'review-link':
    case 'stream-token':
    case 'feed-token':
      return false;
    default: {
      const action: Action = access;
      return Object.hasOwn(PERMISSIONS, action);
    }
  }
}

/** Who the pipeline hands a route's handler, by the route's access. */
export type CallerOf<A extends Access> = A extends Action | 'feed-token'
  ? UserActor
  : A extends 'identity'
    ? VerifiedIdentity
    : A extends 'review-link'
      ? ReviewLinkActor
      : A extends 'stream-token'
        ? LiveStreamGrant
        : undefined;

/** Answers with a body that leaves through the contract's response schema, at its success status. */
type Handle<C extends RouteContract, A extends Access> = (
  request: ParsedRequest<C>,
  caller: CallerOf<A>,
) => unknown;

/** Writes the response itself: streams, other content types, a status that depends on the outcome. */
type Respond<C extends RouteContract, A extends Access> = (
  request: ParsedRequest<C>,
  caller: CallerOf<A>,
  http: { req: Request; res: Response },
) => Promise<void> | void;

interface RouteDeclaration<A extends Access = Access> {
  access: A;
  /** What each `:param` names: the tenant data a caller of another tenant or client must not reach. */
  resources?: Readonly<Record<string, ResourceKind>>;
  /** Top-level fields of the body that name tenant data (an id, or a list of ids), like `resources`. */
  bodyResources?: Readonly<Record<string, ResourceKind>>;
  /** Probes and scrapes: logged at debug. */
  quiet?: boolean;
}

type Implementation<C extends RouteContract, A extends Access> =
  | { handle: Handle<C, A>; respond?: never }
  | { respond: Respond<C, A>; handle?: never };

export type RouteDefinition = RouteDeclaration & {
  contract: RouteContract;
} & Implementation<RouteContract, Access>;

/**
 * A route of the API: the contract it implements, who may call it, and either `handle` (returns
 * the body to send) or `respond` (writes the response itself). Both receive the request parsed
 * with the contract and the caller the route's access admits.
 */
export function implementRoute<C extends RouteContract, A extends Access>(
  contract: C,
  route: RouteDeclaration<A> & Implementation<C, A>,
): RouteDefinition {
  return { contract, ...route } as unknown as RouteDefinition;
}

const DEFINITION = Symbol('route definition');

type MarkedHandler = RequestHandler & { [DEFINITION]?: RouteDefinition };

export interface RoutePipeline {
  /** Runs before the handler of every route that signs in: sets the principal or answers 401/403. */
  authenticate: RequestHandler;
  /** Runs before the handler of `identity` routes: sets the verified identity or answers 401. */
  identify: RequestHandler;
  /** Runs before the handler of `review-link` routes: sets the link's actor or answers 401/410. */
  authenticateReviewLink: RequestHandler;
  /** Runs before the handler of `stream-token` routes: sets the stream's grant or answers 401. */
  authenticateStream: RequestHandler;
  /** Runs before the handler of `feed-token` routes: sets the feed's member or answers 401/403. */
  authenticateFeed: RequestHandler;
  /** Runs after authentication: limits are per user and per tenant. */
  rateLimits: RequestHandler[];
  /** Parses JSON bodies, for routes whose contract has one. */
  jsonBody: RequestHandler;
}

/** The caller the route's access admits; a role the permission table refuses is 403 here. */
function callerOf(access: Access, res: Response): CallerOf<Access> {
  if (signsIn(access)) {
    const user = signedInUserOf(res);
    authorize(user, access);
    return user;
  }
  if (access === 'review-link') return reviewLinkActorOf(res);
  if (access === 'stream-token') return liveStreamGrantOf(res);
  if (access === 'feed-token') return signedInUserOf(res);
  return access === 'identity' ? identityOf(res) : undefined;
}

/** Parse (400), access (403), then the handler: the order every route answers in. */
function serve(definition: RouteDefinition): RequestHandler {
  const { contract } = definition;
  return async (req, res) => {
    const request = parseRequest(contract, req);
    const caller = callerOf(definition.access, res);
    if (definition.respond) {
      await definition.respond(request, caller, { req, res });
      return;
    }
    sendResponse(res, contract, await definition.handle(request, caller));
  };
}

export function mountRoutes(
  app: Express,
  definitions: readonly RouteDefinition[],
  pipeline: RoutePipeline,
): void {
  const seen = new Set<string>();
  for (const definition of definitions) {
    const { method, path } = definition.contract;
    const key = `${method} ${path}`;
    if (seen.has(key)) throw new Error(`route declared twice: ${key}`);
    seen.add(key);

    const marker: MarkedHandler = (_req, res, next) => {
      res.locals.route = definition;
      next();
    };
    marker[DEFINITION] = definition;
    const chain: RequestHandler[] = [marker];
    if (signsIn(definition.access)) chain.push(pipeline.authenticate, ...pipeline.rateLimits);
    if (definition.access === 'identity') chain.push(pipeline.identify);
    // Limits per link and per agency, as for a user.
    if (definition.access === 'review-link')
      chain.push(pipeline.authenticateReviewLink, ...pipeline.rateLimits);
    // A stream is opened with a token its caller was issued on a rate-limited route.
    if (definition.access === 'stream-token') chain.push(pipeline.authenticateStream);
    // Limits per member and per agency, as for its signed-in requests.
    if (definition.access === 'feed-token') chain.push(pipeline.authenticateFeed, ...pipeline.rateLimits);
    if (definition.contract.body) chain.push(pipeline.jsonBody);
    chain.push(serve(definition));
    app[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path, ...chain);
  }
}

/** The declaration of the route that is answering this response, once routing reached it. */
export function routeOf(res: Response): RouteDefinition | undefined {
  return res.locals.route as RouteDefinition | undefined;
}

/** The declaration behind a route of Express's route table (undefined: mounted around the registry). */
export function definitionOf(route: { stack: { handle: unknown }[] }): RouteDefinition | undefined {
  return (route.stack[0]?.handle as MarkedHandler | undefined)?.[DEFINITION];
}
