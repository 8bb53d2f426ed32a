import type { Database } from '@muse/db';
import type { ResourceKind } from '../modules/auth/resources.ts';
import {
  makeBrandProposal,
  makeCampaign,
  makeGeneration,
  makeIdea,
  makeReviewLink,
  makeReviewRound,
  makeUser,
} from './factories.ts';

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
  // Client A1 itself (its contact is the matrix's CLIENT), active again: an archive earlier in
  // the run must not change how later routes answer.
  client: async (owner) => {
    await owner.db.withTenantTx(owner.tenant.id, (tx) =>
      tx.client.updateMany({ where: { id: owner.client.id }, data: { archivedAt: null } }),
    );
    return owner.client.id;
  },
  campaign: async (owner) => (await makeCampaign(owner.db, owner.tenant, owner.client)).id,
  idea: async (owner) => {
    const campaign = await makeCampaign(owner.db, owner.tenant, owner.client);
    // Visible to the client and still editable: every allowed role, the client's included, reaches the rules.
    return (await makeIdea(owner.db, campaign, { status: 'CHANGES_REQUESTED' })).id;
  },
  generation: async (owner) => {
    const campaign = await makeCampaign(owner.db, owner.tenant, owner.client);
    return (await makeGeneration(owner.db, campaign, { prompt: 120, completion: 80 })).id;
  },
  reviewRound: async (owner) => {
    const campaign = await makeCampaign(owner.db, owner.tenant, owner.client);
    const idea = await makeIdea(owner.db, campaign, { status: 'PENDING_CLIENT' });
    return (await makeReviewRound(owner.db, campaign, [idea])).id;
  },
  reviewLink: async (owner) => {
    const campaign = await makeCampaign(owner.db, owner.tenant, owner.client);
    return (await makeReviewLink(owner.db, campaign)).id;
  },
  // Open, so every allowed role reaches the decision.
  brandProposal: async (owner) =>
    (await makeBrandProposal(owner.db, { tenantId: owner.tenant.id, id: owner.client.id })).id,
};
