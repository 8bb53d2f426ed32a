import { usageRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { ApiConfig } from '../../config.ts';
import { implementRoute } from '../../http/route-registry.ts';
import { createUsageService } from './usage.service.ts';

export function createUsageRoutes(deps: { db: Database; settings: ApiConfig['generation'] }) {
  const usage = createUsageService(deps);
  return [
    implementRoute(usageRoutes.get, { access: 'usage.read', handle: (_request, actor) => usage.get(actor) }),
    implementRoute(usageRoutes.allowance, {
      access: 'generations.create',
      handle: (_request, actor) => usage.allowance(actor),
    }),
  ];
}
