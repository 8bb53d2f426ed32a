import type { InviteUserBody, ListUsersQuery, UpdateUserBody } from '@muse/contracts';
import type { Database } from '@muse/db';
import { AppError, notFound } from '../../http/app-error.ts';
import { decodeCursor, toPage } from '../../shared/keyset-page.ts';
import { violatesUnique } from '../../shared/unique-violation.ts';
import { audit } from '../activity/audit.ts';
import type { Actor, UserActor } from '../auth/actor.ts';
import { announceAuthChange } from '../auth/auth-changes.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import type { PrincipalCache } from '../auth/principal-cache.ts';
import { clientsRepository } from '../clients/clients.repository.ts';
import { sessionsRepository } from '../sessions/sessions.repository.ts';
import { usersRepository } from './users.repository.ts';
import { planUserChange } from './users.rules.ts';

export function createUsersService(deps: { db: Database; principals: PrincipalCache }) {
  const { db, principals } = deps;

  return {
    async list(actor: Actor, query: ListUsersQuery) {
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      const rows = await db.withTenantTx(tenantScopeOf(actor), (tx) =>
        usersRepository.list(tx, { ...query, after, limit: query.limit }),
      );
      return toPage(rows, query.limit);
    },

    async invite(actor: UserActor, body: InviteUserBody) {
      const tenantId = tenantScopeOf(actor);
      return db
        .withTenantTx(tenantId, async (tx) => {
          if (body.clientId && !(await clientsRepository.findRef(tx, body.clientId, 'active'))) {
            throw notFound('Client');
          }
          const user = await usersRepository.createInvitation(tx, {
            tenantId,
            email: body.email,
            name: body.name,
            role: body.role,
            clientId: body.clientId ?? null,
          });
          await audit(tx, tenantId, actor, {
            entityId: user.id,
            action: 'user.invited',
            data: { email: user.email, role: user.role, clientId: user.clientId },
          });
          return user;
        })
        .catch((error: unknown) => {
          if (violatesUnique(error, 'users', 'email')) {
            throw new AppError('conflict', 'A user with this email already exists', { cause: error });
          }
          throw error;
        });
    },

    async update(actor: UserActor, id: string, body: UpdateUserBody) {
      const tenantId = tenantScopeOf(actor);
      const user = await db.withTenantTx(tenantId, async (tx) => {
        await usersRepository.lockTeam(tx, tenantId);
        const target = await usersRepository.findById(tx, id);
        if (!target) throw notFound('User');
        const change = planUserChange(target, body);
        if (Object.keys(change.changes).length === 0) return target;
        const newClientId = change.data.clientId;
        if (newClientId && !(await clientsRepository.findRef(tx, newClientId, 'active')))
          throw notFound('Client');
        if (change.removesActiveAdmin && (await usersRepository.countActiveAdmins(tx, id)) === 0) {
          throw new AppError('last_admin', 'The agency needs an active admin: make someone else admin first');
        }
        const updated = await usersRepository.update(tx, id, change.data);
        // Disabled together with its sign-in sessions, or not at all.
        if (change.data.status === 'DISABLED' && target.authSubject) {
          await sessionsRepository.revokeForSubject(tx, target.authSubject);
        }
        await audit(tx, tenantId, actor, {
          entityId: id,
          action: 'user.updated',
          data: { changes: change.changes },
        });
        await announceAuthChange(tx, { kind: 'user', id });
        return updated;
      });
      // After the commit: the next request of this user resolves its new role or status.
      principals.invalidateUser(id);
      return user;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
