import { z } from 'zod';
import { Role } from './common.ts';
import { defineRoutes } from './routes.ts';
import { TenantStatus } from './tenants.ts';
import { ClientRef, UserStatus } from './users.ts';

export const Me = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: Role, status: UserStatus }),
    /** Null for platform admins. */
    tenant: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), status: TenantStatus }).nullable(),
    /** The client of a CLIENT user; null for everyone else. */
    client: ClientRef.nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const meRoutes = defineRoutes({
  get: {
    method: 'GET',
    path: '/api/me',
    summary: 'The signed-in user, its role, tenant and client',
    tags: ['session'],
    auth: 'bearer',
    response: Me,
  },
});
