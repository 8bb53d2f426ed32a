import type { Role } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Express } from 'express';
import type supertest from 'supertest';
import type { RouteDefinition } from '../http/route-registry.ts';
import { allowedRoles } from '../modules/auth/permissions.ts';
import { RESOURCE_ISOLATION } from '../modules/auth/resources.ts';
import { bearer, makeAgency, makeClient, makePlatformAdmin, makeUser, type TestUser } from './factories.ts';
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
  return { inA, inB, contactOfOtherClient: secondContact, owner };
}

export type MatrixWorld = Awaited<ReturnType<typeof makeMatrixWorld>>;

interface Check {
  description: string;
  actor: MatrixUser | null;
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

function checksFor(definition: RouteDefinition, world: MatrixWorld): Check[] {
  if (definition.access === 'public') {
    return [{ description: 'anonymous', actor: null, expect: (s) => s < 400, expected: '2xx/3xx' }];
  }
  if (definition.access === 'metrics-token') {
    return [
      { description: 'anonymous', actor: null, ...is(401) },
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
  const checks: Check[] = [{ description: 'anonymous', actor: null, ...is(401) }];
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

async function pathFor(definition: RouteDefinition, owner: ResourceOwner): Promise<string> {
  let path = definition.contract.path;
  for (const [, name] of path.matchAll(/:(\w+)/g)) {
    const kind = definition.resources?.[name as string];
    const value = kind
      ? await RESOURCE_FIXTURES[kind](owner)
      : sampleOf(definition.contract)?.params?.[name as string];
    if (value === undefined) throw new Error(`:${name} is neither a declared resource nor in sample.params`);
    path = path.replace(`:${name}`, encodeURIComponent(value));
  }
  return path;
}

/** The sample body with each body resource filled with a real id (a list stays a list, of one). */
async function bodyFor(definition: RouteDefinition, owner: ResourceOwner): Promise<object> {
  const sample = sampleOf(definition.contract)?.body as object | undefined;
  if (!definition.bodyResources) return sample ?? {};
  const body: Record<string, unknown> = { ...sample };
  for (const [field, kind] of Object.entries(definition.bodyResources)) {
    const id = await RESOURCE_FIXTURES[kind](owner);
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
      try {
        url = await pathFor(definition, world.owner);
      } catch (error) {
        unexpected.push(`${method} ${path}: ${(error as Error).message}`);
        break;
      }
      let request = http[method.toLowerCase() as 'get'](url);
      const query = sampleOf(definition.contract)?.query;
      if (query) request = request.query(query);
      if (check.actor) request = request.set('Authorization', await bearer(check.actor));
      if (definition.contract.body) request = request.send(await bodyFor(definition, world.owner));
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
