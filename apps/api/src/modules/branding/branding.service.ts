import type { UpdateAgencyBrandingBody } from '@muse/contracts';
import type { Database } from '@muse/db';
import { audit } from '../activity/audit.ts';
import type { UserActor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';

const BRANDING = { name: true, logoUrl: true } as const;

/**
 * The agency's own presentation. The application login may change only the logo of its own
 * tenant (a column grant and a row policy say so); name, status and quota are the platform's.
 */
export function createBrandingService(deps: { db: Database }) {
  const { db } = deps;
  return {
    get(actor: UserActor) {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, (tx) =>
        tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: BRANDING }),
      );
    },

    update(actor: UserActor, body: UpdateAgencyBrandingBody) {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: BRANDING });
        if (before.logoUrl === body.logoUrl) return before;
        const after = await tx.tenant.update({
          where: { id: tenantId },
          data: { logoUrl: body.logoUrl },
          select: BRANDING,
        });
        await audit(tx, tenantId, actor, {
          entityId: tenantId,
          action: 'tenant.updated',
          data: { changes: { logoUrl: { from: before.logoUrl, to: after.logoUrl } } },
        });
        return after;
      });
    },
  };
}
