import { campaignRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { createCampaignsService } from './campaigns.service.ts';

export function createCampaignsRoutes(deps: { db: Database }) {
  const campaigns = createCampaignsService(deps);
  return [
    implementRoute(campaignRoutes.list, {
      access: 'campaigns.list',
      handle: ({ query }, actor) => campaigns.list(actor, query),
    }),
    implementRoute(campaignRoutes.create, {
      access: 'campaigns.create',
      bodyResources: { clientId: 'client' },
      handle: ({ body }, actor) => campaigns.create(actor, body),
    }),
    implementRoute(campaignRoutes.get, {
      access: 'campaigns.read',
      resources: { id: 'campaign' },
      handle: ({ params }, actor) => campaigns.get(actor, params.id),
    }),
    implementRoute(campaignRoutes.update, {
      access: 'campaigns.update',
      resources: { id: 'campaign' },
      handle: ({ params, body }, actor) => campaigns.update(actor, params.id, body),
    }),
    implementRoute(campaignRoutes.archive, {
      access: 'campaigns.archive',
      resources: { id: 'campaign' },
      handle: ({ params }, actor) => campaigns.archive(actor, params.id),
    }),
  ];
}
