import { ideaRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { defineRoutes } from '../../http/route-registry.ts';
import { createIdeasController } from './ideas.controller.ts';
import { createIdeasService } from './ideas.service.ts';

export function createIdeasRoutes(deps: { db: Database }) {
  const controller = createIdeasController(createIdeasService(deps));
  return defineRoutes(
    {
      contract: ideaRoutes.listForCampaign,
      access: 'ideas.read',
      resources: { id: 'campaign' },
      sample: { query: { type: 'POST', limit: '50' } },
      handler: controller.listForCampaign,
    },
    {
      contract: ideaRoutes.exportCsv,
      access: 'ideas.read',
      resources: { id: 'campaign' },
      handler: controller.exportCsv,
    },
    {
      contract: ideaRoutes.get,
      access: 'ideas.read',
      resources: { id: 'idea' },
      handler: controller.get,
    },
    {
      contract: ideaRoutes.update,
      access: 'ideas.update',
      resources: { id: 'idea' },
      // Asks for changes on an idea that already awaits them: every caller reaches the workflow's 409.
      sample: { body: { version: 1, status: 'CHANGES_REQUESTED', comment: 'Use cups as well as grams' } },
      handler: controller.update,
    },
    {
      contract: ideaRoutes.bulkStatus,
      access: 'ideas.update',
      bodyResources: { ids: 'idea' },
      sample: { body: { ids: ['00000000-0000-4000-8000-000000000000'], status: 'CLIENT_APPROVED' } },
      handler: controller.bulkStatus,
    },
    {
      contract: ideaRoutes.revisions,
      access: 'ideas.read',
      resources: { id: 'idea' },
      handler: controller.revisions,
    },
  );
}
