import { z } from 'zod';
import { PageQuery, pageOf } from './pagination.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';
import { EmailAddress, PersonName, User } from './users.ts';

export const TenantStatus = z.enum(['ACTIVE', 'SUSPENDED']);
export type TenantStatus = z.infer<typeof TenantStatus>;

export const TenantSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

export const TenantName = z.string().trim().min(2).max(120);

/** LLM tokens (prompt + completion) the agency may use per calendar month (UTC). */
export const MonthlyTokenQuota = z.int().min(0).max(1_000_000_000);

export const TenantUsage = z.object({
  /** Users that are not disabled. */
  users: z.int(),
  /** Clients that are not archived. */
  clients: z.int(),
  /** Campaigns that are not archived. */
  campaigns: z.int(),
  /** Prompt + completion tokens of generations queued since `periodStart`. */
  tokensUsedThisMonth: z.int(),
  periodStart: Timestamp,
});
export type TenantUsage = z.infer<typeof TenantUsage>;

export const Tenant = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    status: TenantStatus,
    monthlyTokenQuota: z.int(),
    usage: TenantUsage,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Tenant' });
export type Tenant = z.infer<typeof Tenant>;

export const ListTenantsQuery = z.strictObject({
  ...PageQuery.shape,
  status: TenantStatus.optional(),
  /** Matches the name or the slug, case-insensitively. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type ListTenantsQuery = z.infer<typeof ListTenantsQuery>;

export const TenantPage = pageOf(Tenant).meta({ id: 'TenantPage' });

export const CreateTenantBody = z
  .strictObject({
    name: TenantName,
    /** Derived from the name when left out. */
    slug: TenantSlug.optional(),
    monthlyTokenQuota: MonthlyTokenQuota.optional(),
    /** The agency's first admin, invited with the tenant. */
    admin: z.strictObject({ email: EmailAddress, name: PersonName }),
  })
  .meta({ id: 'CreateTenantBody' });
export type CreateTenantBody = z.infer<typeof CreateTenantBody>;

export const CreatedTenant = z.object({ tenant: Tenant, admin: User }).meta({ id: 'CreatedTenant' });
export type CreatedTenant = z.infer<typeof CreatedTenant>;

export const UpdateTenantBody = z
  .strictObject({
    name: TenantName.optional(),
    /** SUSPENDED blocks every user of the agency at once; ACTIVE reactivates it. */
    status: TenantStatus.optional(),
    monthlyTokenQuota: MonthlyTokenQuota.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' })
  .meta({ id: 'UpdateTenantBody' });
export type UpdateTenantBody = z.infer<typeof UpdateTenantBody>;

export const tenantRoutes = defineRouteContracts({
  list: {
    method: 'GET',
    path: '/api/admin/tenants',
    summary: 'List agencies with their usage this month',
    tags: ['platform'],
    auth: 'bearer',
    query: ListTenantsQuery,
    response: TenantPage,
  },
  create: {
    method: 'POST',
    path: '/api/admin/tenants',
    summary: 'Create an agency together with the invitation of its first admin',
    tags: ['platform'],
    auth: 'bearer',
    body: CreateTenantBody,
    response: CreatedTenant,
    successStatus: 201,
    errors: [409],
  },
  get: {
    method: 'GET',
    path: '/api/admin/tenants/:id',
    summary: 'One agency with its usage this month',
    tags: ['platform'],
    auth: 'bearer',
    params: IdParams,
    response: Tenant,
  },
  update: {
    method: 'PATCH',
    path: '/api/admin/tenants/:id',
    summary: 'Rename, suspend or reactivate an agency, or set its monthly token quota',
    tags: ['platform'],
    auth: 'bearer',
    params: IdParams,
    body: UpdateTenantBody,
    response: Tenant,
  },
});
