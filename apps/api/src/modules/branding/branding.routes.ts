import { brandingRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { createBrandingService } from './branding.service.ts';

export function createBrandingRoutes(deps: { db: Database }) {
  const branding = createBrandingService(deps);
  return [
    implementRoute(brandingRoutes.get, {
      access: 'branding.read',
      handle: (_request, actor) => branding.get(actor),
    }),
    implementRoute(brandingRoutes.update, {
      access: 'branding.update',
      handle: ({ body }, actor) => branding.update(actor, body),
    }),
  ];
}
