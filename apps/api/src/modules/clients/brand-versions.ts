import {
  type BrandChange,
  BrandSnapshot,
  type BrandVersion,
  brandChanges,
  brandSnapshotOf,
  type ListBrandVersionsQuery,
} from '@muse/contracts';
import type { Database, TenantTx } from '@muse/db';
import { z } from 'zod';
import { notFound } from '../../http/app-error.ts';
import { decodeKeyCursor, toPageBy } from '../../shared/keyset-page.ts';
import { type Actor, actorIdOf, type UserActor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { clientsRepository } from './clients.repository.ts';

const NumberKeyset = z.tuple([z.int().min(1)]);

/**
 * Keeps the client's brand profile as it now is as version `client.brandVersion`, with who and
 * why: in the transaction that made the change, after the client row (and its number) changed.
 */
export async function recordBrandVersion(
  tx: TenantTx,
  tenantId: string,
  client: BrandSnapshot & { id: string; brandVersion: number },
  actor: Actor,
  reason: string | null,
): Promise<void> {
  await clientsRepository.addBrandVersion(tx, {
    tenantId,
    clientId: client.id,
    number: client.brandVersion,
    snapshot: brandSnapshotOf(client),
    createdById: actorIdOf(actor),
    reason,
  });
}

export function createBrandVersionsService(deps: { db: Database }) {
  const { db } = deps;
  return {
    /** Newest first, each with what changed since the one before; 404 for a client of no one's here. */
    async list(actor: UserActor, clientId: string, query: ListBrandVersionsQuery) {
      const cursor = query.cursor ? decodeKeyCursor(query.cursor, NumberKeyset) : undefined;
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        if (!(await clientsRepository.findRef(tx, clientId, 'any'))) throw notFound('Client');
        const rows = await clientsRepository.listBrandVersions(tx, clientId, {
          beforeNumber: cursor?.[0],
          limit: query.limit,
        });
        const authors = [...new Set(rows.flatMap((row) => (row.createdById ? [row.createdById] : [])))];
        const names = await clientsRepository.userNames(tx, authors);
        const snapshots = rows.map((row) => BrandSnapshot.parse(row.snapshot));
        const versions = rows.map((row, index): BrandVersion => {
          const snapshot = snapshots[index] as BrandSnapshot;
          const previous = snapshots[index + 1];
          const changes: BrandChange[] = previous ? brandChanges(previous, snapshot) : [];
          return {
            number: row.number,
            snapshot,
            changes,
            createdBy: row.createdById
              ? { id: row.createdById, name: names.get(row.createdById) ?? 'A former member' }
              : null,
            reason: row.reason,
            createdAt: row.createdAt.toISOString(),
          };
        });
        return toPageBy(versions, query.limit, (version) => [version.number]);
      });
    },
  };
}
