import type { BaseTx, Prisma } from '@muse/db';
import { afterKeyset, type Keyset } from '../../shared/keyset-page.ts';
import { literalContains } from '../../shared/like-pattern.ts';
import { USER_IDENTITY_FIELDS } from '../users/users.repository.ts';

const TENANT_FIELDS = {
  id: true,
  name: true,
  slug: true,
  status: true,
  monthlyTokenQuota: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.TenantSelect;

export interface TenantFilter {
  status?: 'ACTIVE' | 'SUSPENDED';
  q?: string;
  after?: Keyset;
  limit: number;
}

export interface TenantUsageCounts {
  users: number;
  clients: number;
  campaigns: number;
  tokensUsedThisMonth: number;
}

/**
 * Tenants themselves and counts and token sums across tenants, on the platform connection
 * (muse_platform): never their content.
 */
export const tenantsRepository = {
  /** Newest first; one row beyond the page tells whether another page exists. */
  list(tx: BaseTx, filter: TenantFilter) {
    const term = filter.q ? literalContains(filter.q) : undefined;
    const search = term
      ? {
          OR: [
            { name: { contains: term, mode: 'insensitive' as const } },
            { slug: { contains: term.toLowerCase() } },
          ],
        }
      : {};
    return tx.tenant.findMany({
      where: { AND: [{ status: filter.status }, search, afterKeyset(filter.after, 'desc')] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.limit + 1,
      select: TENANT_FIELDS,
    });
  },

  findById(tx: BaseTx, id: string) {
    return tx.tenant.findUnique({ where: { id }, select: TENANT_FIELDS });
  },

  slugTaken(tx: BaseTx, slug: string) {
    return tx.tenant.findUnique({ where: { slug }, select: { id: true } }).then(Boolean);
  },

  create(tx: BaseTx, data: { id: string; name: string; slug: string; monthlyTokenQuota?: number }) {
    return tx.tenant.create({ data, select: TENANT_FIELDS });
  },

  /** The new agency's first admin: no client, so nothing but the invitation itself is read. */
  async inviteFirstAdmin(tx: BaseTx, data: { tenantId: string; email: string; name: string }) {
    const admin = await tx.user.create({
      data: { ...data, role: 'AGENCY_ADMIN', status: 'INVITED', clientId: null },
      select: USER_IDENTITY_FIELDS,
    });
    return { ...admin, client: null };
  },

  update(tx: BaseTx, id: string, data: Prisma.TenantUpdateInput) {
    return tx.tenant.update({ where: { id }, data, select: TENANT_FIELDS });
  },

  /** Per tenant: users not disabled, clients and campaigns not archived, tokens since `since`. */
  async usage(tx: BaseTx, tenantIds: string[], since: Date): Promise<Map<string, TenantUsageCounts>> {
    const inTenants = { tenantId: { in: tenantIds } };
    const users = await tx.user.groupBy({
      by: ['tenantId'],
      where: { ...inTenants, status: { not: 'DISABLED' } },
      _count: { _all: true },
    });
    const clients = await tx.client.groupBy({
      by: ['tenantId'],
      where: { ...inTenants, archivedAt: null },
      _count: { _all: true },
    });
    const campaigns = await tx.campaign.groupBy({
      by: ['tenantId'],
      where: { ...inTenants, status: { not: 'ARCHIVED' } },
      _count: { _all: true },
    });
    const tokens = await tx.generation.groupBy({
      by: ['tenantId'],
      where: { ...inTenants, queuedAt: { gte: since } },
      _sum: { promptTokens: true, completionTokens: true },
    });
    const usage = new Map<string, TenantUsageCounts>(
      tenantIds.map((id) => [id, { users: 0, clients: 0, campaigns: 0, tokensUsedThisMonth: 0 }]),
    );
    const set = (tenantId: string | null, field: keyof TenantUsageCounts, value: number) => {
      const entry = tenantId ? usage.get(tenantId) : undefined;
      if (entry) entry[field] = value;
    };
    for (const row of users) set(row.tenantId, 'users', row._count._all);
    for (const row of clients) set(row.tenantId, 'clients', row._count._all);
    for (const row of campaigns) set(row.tenantId, 'campaigns', row._count._all);
    for (const row of tokens) {
      set(
        row.tenantId,
        'tokensUsedThisMonth',
        (row._sum.promptTokens ?? 0) + (row._sum.completionTokens ?? 0),
      );
    }
    return usage;
  },
};

export type TenantRow = NonNullable<Awaited<ReturnType<typeof tenantsRepository.findById>>>;
