import type { Database, TenantTx } from '@muse/db';
import { type Actor, rateLimitKeysOf } from './actor.ts';
import { tenantScopeOf } from './permissions.ts';

/** Whose writes a read must see (read-your-writes): the caller the rate limits count. */
export function readerOf(actor: Actor): string | undefined {
  return rateLimitKeysOf(actor)?.caller;
}

/**
 * A list or detail read in the actor's tenant, in a read-only transaction: on a replica when one
 * is healthy and the actor has not written a moment ago, else on the primary.
 */
export function readAs<T>(db: Database, actor: Actor, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return db.withTenantRead(tenantScopeOf(actor), fn, { reader: readerOf(actor) });
}
