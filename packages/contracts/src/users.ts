import { z } from 'zod';
import { Role } from './common.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';

export const UserStatus = z.enum(['INVITED', 'ACTIVE', 'DISABLED']);
export type UserStatus = z.infer<typeof UserStatus>;

/** Roles inside an agency; platform admins belong to no tenant. */
export const TenantRole = Role.exclude(['PLATFORM_ADMIN']);
export type TenantRole = z.infer<typeof TenantRole>;

/** Compared and stored lower-cased. */
export const EmailAddress = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const PersonName = z.string().trim().min(1).max(120);

export const ClientRef = z.object({ id: z.uuid(), name: z.string() });
export type ClientRef = z.infer<typeof ClientRef>;

export const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: Role,
    status: UserStatus,
    /** The client a CLIENT user belongs to; null for everyone else. */
    client: ClientRef.nullable(),
    lastSeenAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const ListUsersQuery = z.strictObject({
  ...PageQuery.shape,
  role: TenantRole.optional(),
  status: UserStatus.optional(),
  clientId: z.uuid().optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const UserPage = pageOf(User).meta({ id: 'UserPage' });

const clientOnlyForClientRole = (value: { role?: TenantRole; clientId?: string }, ctx: z.RefinementCtx) => {
  if (value.role === 'CLIENT' && !value.clientId) {
    ctx.addIssue({
      code: 'custom',
      path: ['clientId'],
      message: 'a CLIENT user needs the client it belongs to',
    });
  }
  if (value.role !== undefined && value.role !== 'CLIENT' && value.clientId) {
    ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'only CLIENT users belong to a client' });
  }
};

export const InviteUserBody = z
  .strictObject({
    email: EmailAddress,
    name: PersonName,
    role: TenantRole,
    /** Required for role CLIENT, and only then. */
    clientId: z.uuid().optional(),
  })
  .superRefine(clientOnlyForClientRole)
  .meta({ id: 'InviteUserBody' });
export type InviteUserBody = z.infer<typeof InviteUserBody>;

export const UpdateUserBody = z
  .strictObject({
    name: PersonName.optional(),
    role: TenantRole.optional(),
    /** The client of a CLIENT user: required when the role becomes CLIENT, refused for other roles. */
    clientId: z.uuid().optional(),
    /** DISABLED blocks every request at once; ACTIVE re-enables (a user who never signed in is INVITED again). */
    status: z.enum(['ACTIVE', 'DISABLED']).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' })
  .meta({ id: 'UpdateUserBody' });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const userRoutes = defineRouteContracts({
  list: {
    method: 'GET',
    path: '/api/users',
    summary: 'List the agency team and its client contacts',
    tags: ['team'],
    auth: 'bearer',
    query: ListUsersQuery,
    response: UserPage,
  },
  invite: {
    method: 'POST',
    path: '/api/users/invitations',
    summary: 'Invite a team member or a client contact',
    description: 'The user is INVITED until the first sign-in with this (verified) email links the account.',
    tags: ['team'],
    auth: 'bearer',
    body: InviteUserBody,
    response: User,
    successStatus: 201,
    errors: [409],
  },
  update: {
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change a user’s role, client or name, or disable / re-enable the user',
    description: 'The last active agency admin cannot be demoted or disabled (409 last_admin).',
    tags: ['team'],
    auth: 'bearer',
    params: IdParams,
    body: UpdateUserBody,
    response: User,
    errors: [409],
  },
});
