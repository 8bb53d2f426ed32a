import { brandProposalRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { createBrandProposalsService } from './brand-proposals.service.ts';

export function createBrandProposalsRoutes(deps: { db: Database }) {
  const proposals = createBrandProposalsService(deps);
  return [
    implementRoute(brandProposalRoutes.list, {
      access: 'clients.brandProposals.read',
      resources: { id: 'client' },
      handle: ({ params, query }, actor) => proposals.list(actor, params.id, query),
    }),
    implementRoute(brandProposalRoutes.accept, {
      access: 'clients.brandProposals.decide',
      resources: { id: 'client', proposalId: 'brandProposal' },
      handle: ({ params, body }, actor) => proposals.accept(actor, params.id, params.proposalId, body),
    }),
    implementRoute(brandProposalRoutes.dismiss, {
      access: 'clients.brandProposals.decide',
      resources: { id: 'client', proposalId: 'brandProposal' },
      handle: ({ params }, actor) => proposals.dismiss(actor, params.id, params.proposalId),
    }),
  ];
}
