import { campaignRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { createCampaignsService } from './campaigns.service.ts';

export function createCampaignsRoutes(deps: { db: Database }) {
  const campaigns = createCampaignsService(deps);
  return [
    implementRoute(campaignRoutes.list, {
      access: 'campaigns.list',
      sample: { query: { status: 'DRAFT', limit: '10' } },
      handle: ({ query }, actor) => campaigns.list(actor, query),
    }),
    implementRoute(campaignRoutes.create, {
      access: 'campaigns.create',
      bodyResources: { clientId: 'client' },
      sample: {
        body: {
          clientId: '00000000-0000-4000-8000-000000000000',
          name: 'Spring Menu Launch',
          objective: 'Fill the cafés on the first warm weekend',
          brief: 'Three new cold drinks, one free tasting per table.',
          keyMessages: ['Three new cold drinks'],
          themes: ['spring'],
          platforms: ['INSTAGRAM'],
          startDate: '2027-03-01',
          endDate: '2027-03-31',
          numPosts: 4,
          numReels: 1,
        },
      },
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
      sample: { body: { name: 'Spring Menu Launch, extended', status: 'ACTIVE' } },
      handle: ({ params, body }, actor) => campaigns.update(actor, params.id, body),
    }),
    implementRoute(campaignRoutes.archive, {
      access: 'campaigns.archive',
      resources: { id: 'campaign' },
      handle: ({ params }, actor) => campaigns.archive(actor, params.id),
    }),
  ];
}
