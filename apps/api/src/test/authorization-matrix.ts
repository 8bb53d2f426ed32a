import { REVIEW_LINK_HEADER, type Role } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Express } from 'express';
import type supertest from 'supertest';
import type { RouteDefinition } from '../http/route-registry.ts';
import { allowedRoles } from '../modules/auth/permissions.ts';
import { RESOURCE_ISOLATION, type ResourceKind } from '../modules/auth/resources.ts';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeClient,
  makePlatformAdmin,
  makeReviewLink,
  makeUser,
  type TestUser,
} from './factories.ts';
import { RESOURCE_FIXTURES, type ResourceOwner } from './matrix-resources.ts';
import { sampleOf } from './route-samples.ts';
import { routeTable } from './route-table.ts';

/** A user of the matrix world (the test factories' users, not a request's actor). */
type MatrixUser = TestUser | Awaited<ReturnType<typeof makePlatformAdmin>>;

/** Tenant A with two clients, tenant B, and a platform admin: one user per role and place. */
export async function makeMatrixWorld(db: Database) {
  const a = await makeAgency(db);
  const secondClient = await makeClient(db, a.tenant);
  const secondContact = await makeUser(db, a.tenant, { role: 'CLIENT', client: secondClient });
  const b = await makeAgency(db);
  const operator = await makePlatformAdmin(db);
  const inA: Record<Role, MatrixUser> = {
    PLATFORM_ADMIN: operator,
    AGENCY_ADMIN: a.admin,
    AGENCY_MEMBER: a.member,
    CLIENT: a.contact,
  };
  const inB: Partial<Record<Role, MatrixUser>> = {
    AGENCY_ADMIN: b.admin,
    AGENCY_MEMBER: b.member,
    CLIENT: b.contact,
  };
  const owner: ResourceOwner = { db, tenant: a.tenant, client: a.client };
  const linkTo = async (tenant: { id: string }, client: { id: string }) =>
    (await makeReviewLink(db, await makeCampaign(db, tenant, client))).token;
  // Review links that are not the route's own: another campaign of the same client, another client's, another tenant's.
  const links: Record<Exclude<LinkHolder, 'own'>, string> = {
    'other-campaign': await linkTo(a.tenant, a.client),
    'other-client': await linkTo(a.tenant, secondClient),
    'other-tenant': await linkTo(b.tenant, b.client),
  };
  return { inA, inB, contactOfOtherClient: secondContact, owner, links };
}

/** Whose review link a request presents: the link to the campaign of the route's resources, or another. */
type LinkHolder = 'own' | 'other-campaign' | 'other-client' | 'other-tenant';

export type MatrixWorld = Awaited<ReturnType<typeof makeMatrixWorld>>;

interface Check {
  description: string;
  actor: MatrixUser | null;
  /** The review link the request presents in its header (instead of a user's token). */
  link?: LinkHolder;
  expect: (status: number) => boolean;
  expected: string;
}

export interface MatrixResult {
  routes: number;
  requests: number;
  unexpected: string[];
}

const is = (status: number) => ({ expect: (s: number) => s === status, expected: String(status) });
const allowedThrough = {
  expect: (s: number) => s < 500 && ![401, 403, 404].includes(s),
  expected: 'neither 401/403/404 nor 5xx',
};

/** A link holder is nobody to the routes of users and identities. */
const linkRefused: Check = {
  description: 'review link holder',
  actor: null,
  link: 'other-campaign',
  ...is(401),
};

function checksFor(definition: RouteDefinition, world: MatrixWorld): Check[] {
  if (definition.access === 'public') {
    return [{ description: 'anonymous', actor: null, expect: (s) => s < 400, expected: '2xx/3xx' }];
  }
  // The sample's link is signed by no one: refused as input, whoever presents it.
  if (definition.access === 'signed-link') {
    return [
      { description: 'anonymous', actor: null, ...is(400) },
      { description: 'agency admin token', actor: world.inA.AGENCY_ADMIN, ...is(400) },
    ];
  }
  if (definition.access === 'review-link') return reviewLinkChecks(definition, world);
  // Only a stream token opens the stream (live.int.test.ts opens real ones), only a feed's secret
  // its feed (calendar-feed.int.test.ts): a session or a link is neither.
  if (definition.access === 'stream-token' || definition.access === 'feed-token') {
    return [
      { description: 'anonymous', actor: null, ...is(401) },
      { description: 'the campaign’s review link', actor: null, link: 'own', ...is(401) },
      ...Object.entries(world.inA).map(([role, actor]) => ({
        description: `${role} token`,
        actor,
        ...is(401),
      })),
    ];
  }
  if (definition.access === 'metrics-token') {
    return [
      { description: 'anonymous', actor: null, ...is(401) },
      linkRefused,
      ...Object.entries(world.inA).map(([role, actor]) => ({
        description: `${role} token`,
        actor,
        ...is(401),
      })),
    ];
  }
  if (definition.access === 'identity') {
    // Any verified identity, whatever its workspaces; what it reaches is its own (tested per route).
    return [
      { description: 'anonymous', actor: null, ...is(401) },
      linkRefused,
      ...Object.entries(world.inA).map(([role, actor]) => ({
        description: `${role} token`,
        actor,
        expect: (s: number) => s < 500 && s !== 401 && s !== 403,
        expected: 'neither 401/403 nor 5xx',
      })),
    ];
  }
  const allowed = allowedRoles(definition.access);
  const isolations = [
    ...Object.values(definition.resources ?? {}),
    ...Object.values(definition.bodyResources ?? {}),
  ].map((kind) => RESOURCE_ISOLATION[kind]);
  const checks: Check[] = [{ description: 'anonymous', actor: null, ...is(401) }, linkRefused];
  for (const [role, actor] of Object.entries(world.inA) as [Role, MatrixUser][]) {
    if (!allowed.includes(role)) checks.push({ description: `wrong role ${role}`, actor, ...is(403) });
  }
  if (isolations.some((isolation) => isolation === 'tenant' || isolation === 'client')) {
    for (const role of allowed) {
      const actor = world.inB[role];
      if (actor) checks.push({ description: `${role} of another tenant`, actor, ...is(404) });
    }
  }
  if (isolations.includes('client') && allowed.includes('CLIENT')) {
    checks.push({ description: 'CLIENT of another client', actor: world.contactOfOtherClient, ...is(404) });
  }
  // Last: allowed callers on their own resources, which may change them.
  for (const role of allowed) {
    checks.push({ description: `allowed ${role}`, actor: world.inA[role], ...allowedThrough });
  }
  return checks;
}

/**
 * A review link's routes: nobody without the link (users' tokens included), the links of another
 * campaign, client or tenant reach none of the route's resources, and the campaign's own link
 * gets through.
 */
function reviewLinkChecks(definition: RouteDefinition, world: MatrixWorld): Check[] {
  const namesResources = Boolean(definition.resources || definition.bodyResources);
  return [
    { description: 'anonymous', actor: null, ...is(401) },
    ...Object.entries(world.inA).map(([role, actor]) => ({
      description: `${role} token`,
      actor,
      ...is(401),
    })),
    ...(namesResources
      ? (['other-campaign', 'other-client', 'other-tenant'] as const).map((link) => ({
          description: `review link of ${link.replace('other-', 'another ')}`,
          actor: null,
          link,
          ...is(404),
        }))
      : []),
    { description: 'the campaign’s review link', actor: null, link: 'own', ...allowedThrough },
  ];
}

/** Records the ids of the resources a request was built with. */
type Used = string[];

async function fixture(kind: ResourceKind, owner: ResourceOwner, used: Used): Promise<string> {
  const id = await RESOURCE_FIXTURES[kind](owner);
  used.push(id);
  return id;
}

/** The token of a link to the campaign of the request's resources (its first idea's, or a new one). */
async function ownLinkFor(world: MatrixWorld, used: Used): Promise<string> {
  const { db, tenant, client } = world.owner;
  const ideas = await db.withTenantTx(tenant.id, (tx) =>
    tx.idea.findMany({ where: { id: { in: used } }, select: { campaignId: true } }),
  );
  const campaignId = ideas[0]?.campaignId ?? (await makeCampaign(db, tenant, client)).id;
  return (await makeReviewLink(db, { tenantId: tenant.id, id: campaignId, clientId: client.id })).token;
}

async function pathFor(definition: RouteDefinition, owner: ResourceOwner, used: Used): Promise<string> {
  let path = definition.contract.path;
  for (const [, name] of path.matchAll(/:(\w+)/g)) {
    const kind = definition.resources?.[name as string];
    const value = kind
      ? await fixture(kind, owner, used)
      : sampleOf(definition.contract)?.params?.[name as string];
    if (value === undefined) throw new Error(`:${name} is neither a declared resource nor in sample.params`);
    path = path.replace(`:${name}`, encodeURIComponent(value));
  }
  return path;
}

/** The sample body with each body resource filled with a real id (a list stays a list, of one). */
async function bodyFor(definition: RouteDefinition, owner: ResourceOwner, used: Used): Promise<object> {
  const sample = sampleOf(definition.contract)?.body as object | undefined;
  if (!definition.bodyResources) return sample ?? {};
  const body: Record<string, unknown> = { ...sample };
  for (const [field, kind] of Object.entries(definition.bodyResources)) {
    const id = await fixture(kind, owner, used);
    body[field] = Array.isArray(body[field]) ? [id] : id;
  }
  return body;
}

/**
 * For every route of the live table: anonymous → 401, wrong role → 403, another tenant → 404,
 * another client → 404, and the allowed roles get through. A route without a declaration, or
 * whose declaration cannot build a request, counts as unexpected.
 */
export async function runAuthorizationMatrix(
  app: Express,
  http: supertest.Agent,
  world: MatrixWorld,
): Promise<MatrixResult> {
  const table = routeTable(app);
  const unexpected: string[] = [];
  let requests = 0;
  for (const { method, path, definition } of table) {
    if (!definition) {
      unexpected.push(`${method} ${path}: not declared through the route registry`);
      continue;
    }
    for (const check of checksFor(definition, world)) {
      let url: string;
      const used: Used = [];
      try {
        url = await pathFor(definition, world.owner, used);
      } catch (error) {
        unexpected.push(`${method} ${path}: ${(error as Error).message}`);
        break;
      }
      let request = http[method.toLowerCase() as 'get'](url);
      const query = sampleOf(definition.contract)?.query;
      if (query) request = request.query(query);
      if (check.actor) request = request.set('Authorization', await bearer(check.actor));
      if (definition.contract.body) request = request.send(await bodyFor(definition, world.owner, used));
      if (check.link) {
        const token = check.link === 'own' ? await ownLinkFor(world, used) : world.links[check.link];
        request = request.set(REVIEW_LINK_HEADER, token);
      }
      const res = await request;
      requests += 1;
      if (!check.expect(res.status)) {
        unexpected.push(
          `${method} ${path} as ${check.description}: ${res.status}, expected ${check.expected}`,
        );
      }
    }
  }
  return { routes: table.length, requests, unexpected };
}
