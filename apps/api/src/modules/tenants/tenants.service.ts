import { randomBytes, randomUUID } from 'node:crypto';
import type { CreateTenantBody, ListTenantsQuery, UpdateTenantBody } from '@muse/contracts';
import type { BaseTx, Database } from '@muse/db';
import { AppError, notFound } from '../../http/app-error.ts';
import { decodeCursor, toPage } from '../../shared/keyset-page.ts';
import { violatesUnique } from '../../shared/unique-violation.ts';
import { audit } from '../activity/audit.ts';
import type { UserActor } from '../auth/actor.ts';
import { announceAuthChange } from '../auth/auth-changes.ts';
import type { PrincipalCache } from '../auth/principal-cache.ts';
import { sessionsRepository } from '../sessions/sessions.repository.ts';
import { type TenantRow, type TenantUsageCounts, tenantsRepository } from './tenants.repository.ts';
import { monthStart, slugFrom } from './tenants.rules.ts';

const withUsage = (tenant: TenantRow, counts: TenantUsageCounts | undefined, since: Date) => ({
  ...tenant,
  usage: { users: 0, clients: 0, campaigns: 0, tokensUsedThisMonth: 0, ...counts, periodStart: since },
});

async function provision(tx: BaseTx, tenantId: string, actor: UserActor, body: CreateTenantBody) {
  let slug = body.slug ?? slugFrom(body.name);
  if (!body.slug && (await tenantsRepository.slugTaken(tx, slug))) {
    slug = `${slug}-${randomBytes(2).toString('hex')}`;
  }
  const tenant = await tenantsRepository.create(tx, {
    id: tenantId,
    name: body.name,
    slug,
    monthlyTokenQuota: body.monthlyTokenQuota,
  });
  const admin = await tenantsRepository.inviteFirstAdmin(tx, {
    tenantId,
    email: body.admin.email,
    name: body.admin.name,
  });
  await audit(tx, tenantId, actor, [
    {
      entityId: tenantId,
      action: 'tenant.created',
      data: { name: tenant.name, slug: tenant.slug, monthlyTokenQuota: tenant.monthlyTokenQuota },
    },
    {
      entityId: admin.id,
      action: 'user.invited',
      data: { email: admin.email, role: admin.role, clientId: null },
    },
  ]);
  return admin;
}

function explainConflict(error: unknown): never {
  if (violatesUnique(error, 'tenants', 'slug')) {
    throw new AppError('conflict', 'An agency with this slug already exists', { cause: error });
  }
  throw error;
}

export function createTenantsService(deps: { db: Database; principals: PrincipalCache }) {
  const { db, principals } = deps;

  /** The tenant row and aggregate counts, never the agency's content. */
  async function read(id: string) {
    const since = monthStart();
    const tenant = await db.withPlatformTx(async (tx) => {
      const row = await tenantsRepository.findById(tx, id);
      return row && withUsage(row, (await tenantsRepository.usage(tx, [id], since)).get(id), since);
    });
    if (!tenant) throw notFound('Tenant');
    return tenant;
  }

  return {
    async list(query: ListTenantsQuery) {
      const since = monthStart();
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      return db.withPlatformTx(async (tx) => {
        const { items, nextCursor } = toPage(
          await tenantsRepository.list(tx, { ...query, after }),
          query.limit,
        );
        const usage = await tenantsRepository.usage(
          tx,
          items.map((tenant) => tenant.id),
          since,
        );
        return { items: items.map((tenant) => withUsage(tenant, usage.get(tenant.id), since)), nextCursor };
      });
    },

    async get(id: string) {
      return read(id);
    },

    /** The tenant, its first admin's invitation and both audit events commit together or not at all. */
    async create(actor: UserActor, body: CreateTenantBody) {
      const tenantId = randomUUID();
      const admin = await db
        .withPlatformTx((tx) => provision(tx, tenantId, actor, body))
        .catch(explainConflict);
      return { tenant: await read(tenantId), admin };
    },

    async update(actor: UserActor, id: string, body: UpdateTenantBody) {
      await db.withPlatformTx(async (tx) => {
        const current = await tenantsRepository.findById(tx, id);
        if (!current) throw notFound('Tenant');
        const changes: Record<string, { from: string | number; to: string | number }> = {};
        for (const field of ['name', 'status', 'monthlyTokenQuota'] as const) {
          const to = body[field];
          if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
        }
        if (Object.keys(changes).length === 0) return;
        await tenantsRepository.update(tx, id, body);
        // A suspension ends its users' sign-in sessions: lifting it later lets nobody back in unasked.
        if (changes.status?.to === 'SUSPENDED') await sessionsRepository.revokeForTenant(tx, id);
        await audit(tx, id, actor, [{ entityId: id, action: 'tenant.updated', data: { changes } }]);
        await announceAuthChange(tx, { kind: 'tenant', id });
      });
      // After the commit: a suspension blocks the agency's users on their next request.
      principals.invalidateTenant(id);
      return read(id);
    },
  };
}

export type TenantsService = ReturnType<typeof createTenantsService>;
