import { z } from 'zod';
import { Role } from './common.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';
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

/**
 * The header naming the workspace a request acts in: an agency's tenant id, or `platform` for
 * the platform admin console. Optional for an identity that belongs to one workspace only.
 */
export const WORKSPACE_HEADER = 'X-Muse-Workspace';
export const PLATFORM_WORKSPACE = 'platform';

/** One agency (or the platform console) the signed-in identity belongs to. */
export const Workspace = z
  .object({
    /** The tenant id, or `platform`: what X-Muse-Workspace names. */
    id: z.string(),
    name: z.string(),
    role: Role,
    status: UserStatus,
    tenantStatus: TenantStatus.nullable(),
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof Workspace>;

/** An invitation to the verified email of the signed-in identity, not accepted yet. */
export const PendingInvitation = z
  .object({
    id: z.uuid(),
    workspace: z.object({ id: z.string(), name: z.string() }),
    role: Role,
    invitedAt: Timestamp,
  })
  .meta({ id: 'PendingInvitation' });
export type PendingInvitation = z.infer<typeof PendingInvitation>;

export const MyWorkspaces = z
  .object({ workspaces: z.array(Workspace), invitations: z.array(PendingInvitation) })
  .meta({ id: 'MyWorkspaces' });
export type MyWorkspaces = z.infer<typeof MyWorkspaces>;

export const meRoutes = defineRouteContracts({
  get: {
    method: 'GET',
    path: '/api/me',
    summary: 'The signed-in user, its role, tenant and client',
    description: `In the workspace named by ${WORKSPACE_HEADER}; without it, the identity's only workspace.`,
    tags: ['session'],
    auth: 'bearer',
    response: Me,
  },
  workspaces: {
    method: 'GET',
    path: '/api/me/workspaces',
    summary: 'The workspaces the signed-in identity belongs to, and its pending invitations',
    description:
      'Needs a verified token only: a person who has not joined any workspace yet sees its invitations here.',
    tags: ['session'],
    auth: 'bearer',
    response: MyWorkspaces,
  },
  acceptInvitation: {
    method: 'POST',
    path: '/api/me/invitations/:id/accept',
    summary: 'Join the workspace of an invitation to the verified email of the signed-in identity',
    description:
      'Nobody joins an agency without accepting its invitation. An invitation to another email, or one already accepted or withdrawn, is 404.',
    tags: ['session'],
    auth: 'bearer',
    params: IdParams,
    response: Workspace,
    errors: [409],
  },
});
