import type { Database } from '@muse/db';
import type { ResourceKind } from '../modules/auth/resources.ts';
import { makeUser } from './factories.ts';

/** Whose resource the matrix asks for: tenant A, and within it client A1. */
export interface ResourceOwner {
  db: Database;
  tenant: { id: string };
  client: { id: string };
}

/**
 * How the authorization matrix gets a real id of each resource kind for an owner. A kind
 * without an entry here does not compile, so a new kind of route cannot skip the matrix.
 */
export const RESOURCE_FIXTURES: Record<ResourceKind, (owner: ResourceOwner) => Promise<string>> = {
  tenant: async (owner) => owner.tenant.id,
  user: async (owner) => (await makeUser(owner.db, owner.tenant, { role: 'AGENCY_MEMBER' })).id,
};
