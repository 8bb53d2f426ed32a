import { type DeclaredRoute, declaredRoutes, type ResourceKind } from '@muse/api/testing';
import type { Role } from '@muse/contracts';
import { type Agency, actorOf, type World } from './world.ts';

export { type DeclaredRoute, declaredRoutes };

/**
 * A real id of each kind of resource in an agency. A new kind of route parameter does not
 * compile until it has an entry here, so no route of the live table is left out of the suite.
 */
export function resourceIdsOf(agency: Agency): Record<ResourceKind, string> {
  return {
    tenant: agency.tenant.id,
    user: agency.member.id,
    client: agency.client.id,
    campaign: agency.campaign.id,
    idea: agency.idea.id,
    generation: agency.generation.id,
    reviewRound: agency.reviewRound.id,
    reviewLink: agency.reviewLink.id,
    brandProposal: agency.brandProposal.id,
  };
}

/** The route's path with each `:param` filled with a real id of the agency (or the declared sample). */
export function concretePath(route: DeclaredRoute, ids: Record<ResourceKind, string>): string {
  let path = route.path;
  for (const [, name = ''] of route.path.matchAll(/:(\w+)/g)) {
    const kind = route.definition?.resources?.[name];
    const value = kind ? ids[kind] : route.sample?.params?.[name];
    if (value === undefined) {
      throw new Error(`${route.method} ${route.path}: :${name} has no declared resource or sample`);
    }
    path = path.replace(`:${name}`, encodeURIComponent(value));
  }
  const query = route.sample?.query;
  return query ? `${path}?${new URLSearchParams(query)}` : path;
}

/** The route's sample body with each body resource filled with a real id (a list stays a list); none without a body. */
export function sampleBody(
  route: DeclaredRoute,
  ids: Record<ResourceKind, string>,
): Record<string, unknown> | undefined {
  if (!route.definition?.contract.body) return undefined;
  const body: Record<string, unknown> = { ...(route.sample?.body as object | undefined) };
  for (const [field, kind] of Object.entries(route.definition.bodyResources ?? {})) {
    body[field] = Array.isArray(body[field]) ? [ids[kind]] : ids[kind];
  }
  return body;
}

/** The user of agency A who may call the route (its first allowed role). */
export function callerOf(route: DeclaredRoute, world: World) {
  const role: Role | undefined = route.roles[0];
  if (!role) throw new Error(`${route.method} ${route.path} admits no role`);
  return actorOf(world, role);
}

/** `/api/users`, `/api/admin/tenants`: the resource a route belongs to. */
export function familyOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const depth = segments[1] === 'admin' ? 3 : 2;
  return `/${segments.slice(0, depth).join('/')}`;
}

export const isWrite = (route: DeclaredRoute) => route.method !== 'GET' && route.method !== 'HEAD';
/**
 * A route with a path parameter, a query or a body: one that takes nothing (issuing a stream
 * token, say) has no input to malform.
 */
export const takesInput = (route: DeclaredRoute) =>
  route.path.includes(':') || Boolean(route.definition?.contract.body ?? route.definition?.contract.query);
/** Routes a user signs in for; public routes and /metrics (its own bearer token) admit no role. */
export const isAuthenticated = (route: DeclaredRoute) => route.roles.length > 0;
