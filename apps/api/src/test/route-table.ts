import type { Role } from '@muse/contracts';
import { createDatabase } from '@muse/db';
import { createLogger } from '@muse/logger';
import type { Express } from 'express';
import { createApp } from '../app.ts';
import { parseApiConfig } from '../config.ts';
import { definitionOf, type RouteDefinition, signsIn } from '../http/route-registry.ts';
import { allowedRoles } from '../modules/auth/permissions.ts';
import { type RouteSample, sampleOf } from './route-samples.ts';

export type { RouteDefinition } from '../http/route-registry.ts';
export type { ResourceKind } from '../modules/auth/resources.ts';
export type { RouteSample } from './route-samples.ts';

export interface RouteTableEntry {
  method: string;
  path: string;
  definition: RouteDefinition | undefined;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
}

/** Every route Express will answer, read from its live route table (sub-routers included). */
export function routeTable(app: Express): RouteTableEntry[] {
  const entries: RouteTableEntry[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          entries.push({
            method: method.toUpperCase(),
            path: layer.route.path,
            definition: definitionOf(layer.route),
          });
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return entries;
}

export interface DeclaredRoute extends RouteTableEntry {
  /** Roles the route's permission admits; empty for public routes. */
  roles: readonly Role[];
  /** Valid values for the parts of the request that name no resource. */
  sample: RouteSample | undefined;
}

/**
 * The live route table of the app createApp builds, with each route's sample, for tools outside
 * the API that must cover every route (the resilience suite, through `@muse/api/testing`). Its dependencies are never called: nothing connects.
 */
export function declaredRoutes(): DeclaredRoute[] {
  const config = parseApiConfig({ DATABASE_URL: 'postgresql://muse_app@127.0.0.1:9/route-table' });
  const app = createApp({
    config,
    db: createDatabase({ url: config.databaseUrl, poolSize: 1 }),
    logger: createLogger('route-table', { level: 'silent' }),
    verifier: {
      verify: () => Promise.reject(new Error('the route table verifies no tokens')),
    },
    generationQueue: {
      enqueue: () => Promise.reject(new Error('the route table enqueues no jobs')),
      untilFinished: () => Promise.reject(new Error('the route table waits for no jobs')),
    },
    jobs: { enqueue: () => Promise.reject(new Error('the route table enqueues no jobs')) },
    live: {
      subscribe: () => {
        throw new Error('the route table opens no streams');
      },
    },
    authChanges: { subscribe: () => {} },
  });
  return routeTable(app).map((entry) => ({
    ...entry,
    roles: entry.definition && signsIn(entry.definition.access) ? allowedRoles(entry.definition.access) : [],
    sample: entry.definition && sampleOf(entry.definition.contract),
  }));
}
