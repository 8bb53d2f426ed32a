import { analyticsRoutes, approvalsCsvName } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { sendCsv } from '../../shared/csv.ts';
import { analyticsCsv } from './analytics.csv.ts';
import { createAnalyticsService } from './analytics.service.ts';

export function createAnalyticsRoutes(deps: { db: Database }) {
  const analytics = createAnalyticsService(deps);
  return [
    implementRoute(analyticsRoutes.approvals, {
      access: 'analytics.read',
      handle: ({ query }, actor) => analytics.approvals(actor, query),
    }),
    implementRoute(analyticsRoutes.approvalsCsv, {
      access: 'analytics.read',
      // A file download, not JSON.
      async respond({ query: { table, ...query } }, actor, { res }) {
        const figures = await analytics.approvals(actor, query);
        sendCsv(res, approvalsCsvName(table, figures), analyticsCsv(figures, table));
      },
    }),
  ];
}
