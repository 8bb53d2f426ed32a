import { tenantRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { defineRoutes } from '../../http/route-registry.ts';
import type { PrincipalCache } from '../auth/principal-cache.ts';
import { createTenantsController } from './tenants.controller.ts';
import { createTenantsService } from './tenants.service.ts';

export function createTenantsRoutes(deps: { db: Database; principals: PrincipalCache }) {
  const controller = createTenantsController(createTenantsService(deps));
  return defineRoutes(
    { contract: tenantRoutes.list, access: 'tenants.list', handler: controller.list },
    {
      contract: tenantRoutes.create,
      access: 'tenants.create',
      sample: {
        body: {
          name: 'Harbour Lights Media',
          slug: 'harbour-lights-media',
          monthlyTokenQuota: 1_000_000,
          admin: { email: 'lead@harbour-lights.example', name: 'Robin Vale' },
        },
      },
      handler: controller.create,
    },
    {
      contract: tenantRoutes.get,
      access: 'tenants.read',
      resources: { id: 'tenant' },
      handler: controller.get,
    },
    {
      contract: tenantRoutes.update,
      access: 'tenants.update',
      resources: { id: 'tenant' },
      sample: { body: { monthlyTokenQuota: 1_500_000 } },
      handler: controller.update,
    },
  );
}
