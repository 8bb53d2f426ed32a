import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import {
  ErrorEnvelope,
  PLATFORM_WORKSPACE,
  REVIEW_LINK_HEADER,
  type RouteContract,
  WORKSPACE_HEADER,
} from '@muse/contracts';
import { z } from 'zod';
import { type RouteDefinition, signsIn } from '../../http/route-registry.ts';

/** Every route a member calls acts in one workspace: the header names it. */
const WorkspaceHeaders = z.object({
  [WORKSPACE_HEADER]: z
    .string()
    .optional()
    .meta({
      description: `The workspace the request acts in: a tenant id, or "${PLATFORM_WORKSPACE}". Optional for an identity with one workspace; 400 workspace_required without it otherwise.`,
    }),
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid_input: the request does not match the schema (details name each field)',
  401: 'unauthenticated: no token, or an invalid or expired one',
  403: 'forbidden: the role may not do this, the user is disabled or the agency suspended',
  404: 'not_found: no such resource for this caller',
  409: 'conflict with the current state (conflict, last_admin, invalid_transition, version_conflict, brand_check_open)',
  410: 'review_link_expired or review_link_revoked: the review link no longer works (ask the agency for a new one)',
  413: 'payload_too_large',
  429: 'rate_limited: slow down (see Retry-After)',
  500: 'internal: something went wrong on our side (quote the requestId)',
};

const QUOTA_DESCRIPTION =
  "rate_limited: slow down (see Retry-After); or quota_exceeded: the run would exceed the agency's " +
  'monthly token quota (details[0] has the figures and when it resets)';

function errorDescription(contract: RouteContract, status: number): string {
  if (status === 429 && contract.errors?.includes(429)) return QUOTA_DESCRIPTION;
  return ERROR_DESCRIPTIONS[status] ?? 'error';
}

function errorStatuses(contract: RouteContract): number[] {
  const statuses = new Set<number>(contract.errors ?? []);
  if (contract.params || contract.query || contract.body) statuses.add(400);
  if (contract.auth === 'bearer') {
    for (const status of [401, 403, 429]) statuses.add(status);
    if (contract.params) statuses.add(404);
  }
  if (contract.auth === 'review-link') {
    for (const status of [401, 403, 410, 429]) statuses.add(status);
    if (contract.params || contract.body) statuses.add(404);
  }
  if (contract.auth === 'stream-token') statuses.add(401);
  if (contract.auth === 'feed-token') for (const status of [401, 403, 429]) statuses.add(status);
  if (contract.body) statuses.add(413);
  statuses.add(500);
  return [...statuses].sort();
}

function successResponse(contract: RouteContract): RouteConfig['responses'][string] {
  const description = contract.summary;
  if (!contract.response) {
    return contract.contentType
      ? { description, content: { [contract.contentType]: { schema: {} } } }
      : { description };
  }
  return {
    description,
    content: { [contract.contentType ?? 'application/json']: { schema: contract.response } },
  };
}

function securityOf(contract: RouteContract): RouteConfig['security'] {
  if (contract.auth === 'bearer') return [{ bearerAuth: [] }];
  if (contract.auth === 'stream-token') return [{ streamToken: [] }];
  if (contract.auth === 'feed-token') return [{ feedToken: [] }];
  return contract.auth === 'review-link' ? [{ reviewLink: [] }] : [];
}

/** The OpenAPI 3.1 document of every declared route, generated from the zod contracts. */
export function buildOpenApiDocument(routes: readonly RouteDefinition[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  registry.registerComponent('securitySchemes', 'reviewLink', {
    type: 'apiKey',
    in: 'header',
    name: REVIEW_LINK_HEADER,
    description: 'The token of a review link, as its address holds it.',
  });
  registry.registerComponent('securitySchemes', 'streamToken', {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: 'A live-stream token from POST /api/events/token or POST /api/review/events/token.',
  });
  registry.registerComponent('securitySchemes', 'feedToken', {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: 'The secret of a calendar subscription address, from POST /api/calendar/feed.',
  });
  for (const { contract, access } of routes) {
    const errorResponses = Object.fromEntries(
      errorStatuses(contract).map((status) => [
        status,
        {
          description: errorDescription(contract, status),
          content: { 'application/json': { schema: ErrorEnvelope } },
        },
      ]),
    );
    registry.registerPath({
      method: contract.method.toLowerCase() as RouteConfig['method'],
      path: contract.path.replace(/:(\w+)/g, '{$1}'),
      summary: contract.summary,
      ...(contract.description ? { description: contract.description } : {}),
      tags: [...contract.tags],
      security: securityOf(contract),
      request: {
        ...(signsIn(access) ? { headers: WorkspaceHeaders } : {}),
        ...(contract.params ? { params: contract.params } : {}),
        ...(contract.query ? { query: contract.query } : {}),
        ...(contract.body
          ? {
              body: {
                required: true,
                content: { 'application/json': { schema: contract.body } },
              },
            }
          : {}),
      },
      responses: { [contract.successStatus ?? 200]: successResponse(contract), ...errorResponses },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Muse API',
      version: '1.0.0',
      description:
        'Agencies plan campaigns, generate post and reel ideas, and get them approved by their clients. ' +
        'Every error answers `{ error: { code, message, details?, requestId } }`.',
    },
  });
}
