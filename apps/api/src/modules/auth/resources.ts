/**
 * How far a resource's isolation reaches:
 * - `platform`: platform-level records (a tenant itself), for platform admins only;
 * - `tenant`: visible to the agency that owns it, 404 for every other tenant;
 * - `client`: like `tenant`, and a CLIENT user sees it only when it belongs to its own client.
 */
export type Isolation = 'platform' | 'tenant' | 'client';

const KINDS = {
  tenant: 'platform',
  user: 'tenant',
  client: 'client',
  campaign: 'client',
  idea: 'client',
  generation: 'tenant',
  reviewRound: 'tenant',
  reviewLink: 'tenant',
  brandProposal: 'tenant',
} as const satisfies Record<string, Isolation>;

/** What a route's path parameter can name. */
export type ResourceKind = keyof typeof KINDS;

export const RESOURCE_ISOLATION: Readonly<Record<ResourceKind, Isolation>> = KINDS;
