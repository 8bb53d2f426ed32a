import { clientRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { defineRoutes } from '../../http/route-registry.ts';
import { createClientsController } from './clients.controller.ts';
import { createClientsService } from './clients.service.ts';

export function createClientsRoutes(deps: { db: Database }) {
  const controller = createClientsController(createClientsService(deps));
  return defineRoutes(
    {
      contract: clientRoutes.list,
      access: 'clients.list',
      sample: { query: { q: 'a', includeArchived: 'true' } },
      handler: controller.list,
    },
    {
      contract: clientRoutes.create,
      access: 'clients.create',
      sample: {
        body: {
          name: 'Harbour Bakery',
          industry: 'Neighbourhood bakery',
          website: 'https://harbour-bakery.example',
          brandVoice: 'Warm and unhurried, like the smell of bread at six in the morning.',
          toneKeywords: ['warm', 'honest'],
          targetAudience: 'Early risers in the harbour district',
          doList: ['name the baker'],
          dontList: ['cheap'],
          defaultHashtags: ['#HarbourBakery'],
          platforms: ['INSTAGRAM', 'FACEBOOK'],
        },
      },
      handler: controller.create,
    },
    {
      contract: clientRoutes.get,
      access: 'clients.read',
      resources: { id: 'client' },
      handler: controller.get,
    },
    {
      contract: clientRoutes.update,
      access: 'clients.update',
      resources: { id: 'client' },
      sample: { body: { brandVoice: 'Warm, curious and a little nerdy.' } },
      handler: controller.update,
    },
    {
      contract: clientRoutes.archive,
      access: 'clients.archive',
      resources: { id: 'client' },
      handler: controller.archive,
    },
    {
      contract: clientRoutes.restore,
      access: 'clients.restore',
      resources: { id: 'client' },
      handler: controller.restore,
    },
  );
}
