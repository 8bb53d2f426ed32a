import { usageRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { ApiConfig } from '../../config.ts';
import { principalOf } from '../../http/authenticate.ts';
import { defineRoutes } from '../../http/route-registry.ts';
import { sendResponse } from '../../http/validation.ts';
import { createUsageService } from './usage.service.ts';

export function createUsageRoutes(deps: { db: Database; settings: ApiConfig['generation'] }) {
  const service = createUsageService(deps);
  return defineRoutes({
    contract: usageRoutes.get,
    access: 'usage.read',
    async handler(_req, res) {
      sendResponse(res, usageRoutes.get, await service.get(principalOf(res)));
    },
  });
}
