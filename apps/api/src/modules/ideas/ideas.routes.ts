import { ideaRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { sendCsv } from '../../shared/csv.ts';
import type { NotificationJobs } from '../notifications/notify.ts';
import { csvFileName, ideasCsv } from './ideas.csv.ts';
import { createIdeasService } from './ideas.service.ts';

export function createIdeasRoutes(deps: { db: Database; jobs: NotificationJobs }) {
  const ideas = createIdeasService(deps);
  return [
    implementRoute(ideaRoutes.listForCampaign, {
      access: 'ideas.read',
      resources: { id: 'campaign' },
      handle: ({ params, query }, actor) => ideas.listForCampaign(actor, params.id, query),
    }),
    implementRoute(ideaRoutes.exportCsv, {
      access: 'ideas.read',
      resources: { id: 'campaign' },
      // A file download, not JSON.
      async respond({ params, query }, actor, { res }) {
        const { campaign, ideas: rows } = await ideas.exportForCampaign(actor, params.id, query);
        sendCsv(res, csvFileName(campaign.name), ideasCsv(rows));
      },
    }),
    implementRoute(ideaRoutes.get, {
      access: 'ideas.read',
      resources: { id: 'idea' },
      handle: ({ params }, actor) => ideas.get(actor, params.id),
    }),
    implementRoute(ideaRoutes.check, {
      access: 'ideas.check',
      resources: { id: 'idea' },
      handle: ({ params }, actor) => ideas.check(actor, params.id),
    }),
    implementRoute(ideaRoutes.update, {
      access: 'ideas.update',
      resources: { id: 'idea' },
      handle: ({ params, body }, actor) => ideas.update(actor, params.id, body),
    }),
    implementRoute(ideaRoutes.bulkStatus, {
      access: 'ideas.update',
      bodyResources: { ids: 'idea' },
      handle: ({ body }, actor) => ideas.bulkStatus(actor, body),
    }),
    implementRoute(ideaRoutes.decisions, {
      access: 'ideas.read',
      resources: { id: 'idea' },
      handle: ({ params }, actor) => ideas.decisions(actor, params.id),
    }),
    implementRoute(ideaRoutes.revisions, {
      access: 'ideas.read',
      resources: { id: 'idea' },
      handle: ({ params, query }, actor) => ideas.revisions(actor, params.id, query),
    }),
  ];
}
