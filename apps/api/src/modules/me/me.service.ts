import type { Me, MyWorkspaces, Workspace } from '@muse/contracts';
import type { Database } from '@muse/db';
import { AppError, notFound } from '../../http/app-error.ts';
import { violatesUnique } from '../../shared/unique-violation.ts';
import { audit } from '../activity/audit.ts';
import type { UserActor } from '../auth/actor.ts';
import { authRepository, type PrincipalRow } from '../auth/auth.repository.ts';
import type { VerifiedIdentity } from '../auth/token-verifier.ts';
import { workspaceOf } from '../auth/workspace.ts';

const PLATFORM_NAME = 'Muse platform';

function toWorkspace(membership: PrincipalRow): Workspace {
  return {
    id: workspaceOf(membership),
    name: membership.tenant?.name ?? PLATFORM_NAME,
    role: membership.role,
    status: membership.status,
    tenantStatus: membership.tenant?.status ?? null,
  };
}

export function createMeService(deps: { db: Database }) {
  const { db } = deps;

  /** Links the invitation to the identity; an agency's, with its audit event, in the agency's scope. */
  function accept(identity: VerifiedIdentity, invitation: { id: string; tenantId: string | null }) {
    const { tenantId } = invitation;
    if (!tenantId)
      return db.withPlatformTx((tx) => authRepository.acceptInvitation(tx, invitation.id, identity.subject));
    return db.withTenantTx(tenantId, async (tx) => {
      const user = await authRepository.acceptInvitation(tx, invitation.id, identity.subject);
      if (user) {
        await audit(
          tx,
          tenantId,
          { userId: user.id },
          {
            entityId: user.id,
            action: 'user.joined',
            data: { email: user.email, role: user.role, clientId: user.clientId },
          },
        );
      }
      return user;
    });
  }

  return {
    /** All of it is the authenticated principal: no further database work. */
    get(actor: UserActor): Me {
      return {
        user: {
          id: actor.userId,
          email: actor.email,
          name: actor.name,
          role: actor.role,
          status: actor.status,
        },
        tenant: actor.tenant,
        client: actor.client,
      };
    },

    /** Invitations are found by the identity provider's verified email only. */
    async workspaces(identity: VerifiedIdentity): Promise<MyWorkspaces> {
      return db.withPlatformTx(async (tx) => {
        const memberships = await authRepository.findMemberships(tx, identity.subject);
        const invitations = identity.email ? await authRepository.findInvitations(tx, identity.email) : [];
        return {
          workspaces: memberships.map(toWorkspace),
          invitations: invitations.map((invitation) => ({
            id: invitation.id,
            workspace: {
              id: workspaceOf({ tenantId: invitation.tenant?.id ?? null }),
              name: invitation.tenant?.name ?? PLATFORM_NAME,
            },
            role: invitation.role,
            invitedAt: invitation.createdAt.toISOString(),
          })),
        };
      });
    },

    /**
     * Of two acceptances at once one links; the other (and any retry) reads the membership back.
     * An invitation to another email, or one no longer open, is 404: its existence is not told.
     */
    async acceptInvitation(identity: VerifiedIdentity, id: string): Promise<Workspace> {
      const email = identity.email;
      if (!email) throw notFound('Invitation');
      const invitation = await db.withPlatformTx((tx) =>
        authRepository.findInvitation(tx, id, email, identity.subject),
      );
      if (!invitation) throw notFound('Invitation');
      const accepted = await accept(identity, invitation).catch((error: unknown) => {
        if (violatesUnique(error, 'users', 'auth_subject')) {
          throw new AppError('conflict', 'You already belong to this workspace', { cause: error });
        }
        throw error;
      });
      const membership =
        accepted ??
        (await db.withPlatformTx((tx) => authRepository.findMemberships(tx, identity.subject))).find(
          (row) => row.id === id,
        );
      if (!membership) throw notFound('Invitation');
      return toWorkspace(membership);
    },
  };
}

export type MeService = ReturnType<typeof createMeService>;
