import type { RouteContract } from '@muse/contracts';
import type { Express, Request, RequestHandler, Response } from 'express';
import type { Action } from '../modules/auth/permissions.ts';
import type { ResourceKind } from '../modules/auth/resources.ts';

/**
 * Every route of the API is declared once: its contract, who may call it, and what the
 * authorization matrix test needs to exercise it. Routes reach Express only through
 * mountRoutes, so none can skip authentication, and the test reads each route's declaration
 * back from the live route table.
 */
/** Whether a route's callers sign in as a user (its access names a permission). */
export function signsIn(access: RouteDefinition['access']): access is Action {
  return access !== 'public' && access !== 'metrics-token' && access !== 'identity';
}

export interface RouteDefinition {
  contract: RouteContract;
  /**
   * `public`; `metrics-token` (no sign-in: the handler asks for the METRICS_TOKEN bearer);
   * `identity` (a verified token, in no workspace: the identity's own workspaces and
   * invitations); or the action of the permission table the route's service checks.
   */
  access: 'public' | 'metrics-token' | 'identity' | Action;
  /** What each `:param` names, so the matrix can fill it with a real id of tenant A or client A. */
  resources?: Readonly<Record<string, ResourceKind>>;
  /**
   * Top-level fields of the body that name tenant data (an id, or a list of ids): the matrix
   * fills them like `resources` and expects other tenants and other clients to get 404.
   */
  bodyResources?: Readonly<Record<string, ResourceKind>>;
  /** Valid values for the rest of the request, so the matrix's requests reach the rules they test. */
  sample?: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
  /** Probes and scrapes: logged at debug. */
  quiet?: boolean;
  handler: (req: Request, res: Response) => Promise<void> | void;
}

export function defineRoutes(...definitions: RouteDefinition[]): RouteDefinition[] {
  return definitions;
}

const DEFINITION = Symbol('route definition');

type MarkedHandler = RequestHandler & { [DEFINITION]?: RouteDefinition };

export interface RoutePipeline {
  /** Runs before the handler of every route that signs in: sets the principal or answers 401/403. */
  authenticate: RequestHandler;
  /** Runs before the handler of `identity` routes: sets the verified identity or answers 401. */
  identify: RequestHandler;
  /** Runs after authentication: limits are per user and per tenant. */
  rateLimits: RequestHandler[];
  /** Parses JSON bodies, for routes whose contract has one. */
  jsonBody: RequestHandler;
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
    if (definition.contract.body) chain.push(pipeline.jsonBody);
    chain.push(async (req, res) => definition.handler(req, res));
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
