import { z } from 'zod';
import { defineRouteContracts } from './routes.ts';

/** Mail clients show only secure images reliably, and a logo is shown to the agency's clients. */
export const LogoUrl = z
  .url({ protocol: /^https$/, error: 'must be an https:// address of an image' })
  .max(2_000, 'must be at most 2000 characters');

/** How the agency presents itself to its clients: in their mail and on the pages it shares. */
export const AgencyBranding = z
  .object({ name: z.string(), logoUrl: z.string().nullable() })
  .meta({ id: 'AgencyBranding' });
export type AgencyBranding = z.infer<typeof AgencyBranding>;

export const UpdateAgencyBrandingBody = z.strictObject({ logoUrl: LogoUrl.nullable() });
export type UpdateAgencyBrandingBody = z.infer<typeof UpdateAgencyBrandingBody>;

export const brandingRoutes = defineRouteContracts({
  get: {
    method: 'GET',
    path: '/api/branding',
    summary: 'The agency’s name and logo, as its clients see them',
    tags: ['agency'],
    auth: 'bearer',
    response: AgencyBranding,
  },
  update: {
    method: 'PUT',
    path: '/api/branding',
    summary: 'Sets the agency’s logo (null removes it)',
    tags: ['agency'],
    auth: 'bearer',
    body: UpdateAgencyBrandingBody,
    response: AgencyBranding,
  },
});
