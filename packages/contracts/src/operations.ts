import { z } from 'zod';
import { HealthStatus } from './common.ts';
import { defineRouteContracts } from './routes.ts';

/**
 * Header a service started by `npm start` sets on /healthz and /readyz, echoing the launcher's
 * MUSE_INSTANCE_ID: the launcher then knows the answer came from its own service, not another
 * Muse's on the same port.
 */
export const INSTANCE_HEADER = 'X-Muse-Instance';

/** The instance header to send; none when no launcher gave the service an instance id. */
export function instanceHeaders(instanceId: string | undefined): Record<string, string> {
  return instanceId ? { [INSTANCE_HEADER]: instanceId } : {};
}

/** Files of the API reference page. */
export const DocsAsset = z.enum(['swagger-ui.css', 'swagger-ui-bundle.js', 'docs.js', 'favicon-32x32.png']);
export type DocsAsset = z.infer<typeof DocsAsset>;

export const operationsRoutes = defineRouteContracts({
  healthz: {
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness',
    tags: ['operations'],
    auth: 'none',
    response: HealthStatus,
  },
  readyz: {
    method: 'GET',
    path: '/readyz',
    summary: 'Readiness: 503 while the database does not answer or the process is shutting down',
    tags: ['operations'],
    auth: 'none',
    response: HealthStatus,
  },
  metrics: {
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus metrics',
    tags: ['operations'],
    auth: 'none',
    contentType: 'text/plain',
  },
  openapi: {
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This document',
    tags: ['operations'],
    auth: 'none',
    response: z.record(z.string(), z.unknown()),
  },
  docs: {
    method: 'GET',
    path: '/api/docs',
    summary: 'API reference page',
    tags: ['operations'],
    auth: 'none',
    contentType: 'text/html',
  },
  docsAsset: {
    method: 'GET',
    path: '/api/docs/:asset',
    summary: 'A file of the API reference page',
    tags: ['operations'],
    auth: 'none',
    params: z.strictObject({ asset: DocsAsset }),
  },
});
