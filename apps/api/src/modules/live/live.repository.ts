import type { LiveEvent } from '@muse/contracts';
import type { BaseTx, Prisma, TenantTx } from '@muse/db';
import type { LiveAddressee } from './live.audience.ts';

/** The channel every API process listens on; each payload is one `StoredLiveEvent` as JSON. */
export const LIVE_EVENTS_CHANNEL = 'live_events';

/** An event as written and announced: its id (the stream's), whom it is for, and what it says. */
export type StoredLiveEvent = LiveAddressee & LiveEvent & { id: string };

/** An event to write: the client comes from the campaign, in the same statement. */
export interface NewLiveEvent {
  event: LiveEvent;
  campaignId: string | null;
  userId: string | null;
  clientVisible: boolean;
}

const toStored = (row: {
  id: bigint;
  tenantId: string;
  clientId: string | null;
  campaignId: string | null;
  userId: string | null;
  clientVisible: boolean;
  type: string;
  data: Prisma.JsonValue;
}): StoredLiveEvent => ({ ...row, id: row.id.toString() }) as StoredLiveEvent;

const STORED_FIELDS = {
  id: true,
  tenantId: true,
  clientId: true,
  campaignId: true,
  userId: true,
  clientVisible: true,
  type: true,
  data: true,
} as const satisfies Prisma.LiveEventSelect;

export const liveRepository = {
  /**
   * Writes the events and announces each with pg_notify, in one statement of the caller's
   * transaction: PostgreSQL delivers the announcements when it commits, and never if it rolls back.
   */
  async insertAndAnnounce(tx: TenantTx, tenantId: string, events: readonly NewLiveEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = JSON.stringify(
      events.map(({ event, campaignId, userId, clientVisible }) => ({
        type: event.type,
        data: event.data,
        campaignId,
        userId,
        clientVisible,
      })),
    );
    await tx.$executeRaw`
      with inserted as (
        insert into live_events (tenant_id, client_id, campaign_id, user_id, client_visible, type, data)
        select ${tenantId}::uuid, c.client_id, (e.value->>'campaignId')::uuid, (e.value->>'userId')::uuid,
               (e.value->>'clientVisible')::boolean, e.value->>'type', e.value->'data'
          from jsonb_array_elements(${rows}::jsonb) with ordinality as e(value, ord)
          left join campaigns c on c.tenant_id = ${tenantId}::uuid and c.id = (e.value->>'campaignId')::uuid
         order by e.ord
        returning id, tenant_id, client_id, campaign_id, user_id, client_visible, type, data)
      select pg_notify(${LIVE_EVENTS_CHANNEL}, json_build_object(
               'id', id::text, 'tenantId', tenant_id, 'clientId', client_id, 'campaignId', campaign_id,
               'userId', user_id, 'clientVisible', client_visible, 'type', type, 'data', data)::text)
        from inserted`;
  },

  /** When the event was written, if the tenant still keeps it and it is no older than `notBefore`. */
  async writtenAt(tx: TenantTx, id: bigint, notBefore: Date): Promise<Date | null> {
    const row = await tx.liveEvent.findFirst({
      where: { id, createdAt: { gte: notBefore } },
      select: { createdAt: true },
    });
    return row?.createdAt ?? null;
  },

  /**
   * The tenant's events after `after`, oldest first, plus those written since `alsoFrom` (ids are
   * taken when a row is written, so a transaction that commits later can hold a smaller one).
   */
  async since(tx: TenantTx, after: bigint, alsoFrom: Date, limit: number): Promise<StoredLiveEvent[]> {
    const rows = await tx.liveEvent.findMany({
      where: { OR: [{ id: { gt: after } }, { id: { lt: after }, createdAt: { gte: alsoFrom } }] },
      orderBy: { id: 'asc' },
      take: limit,
      select: STORED_FIELDS,
    });
    return rows.map(toStored);
  },

  /** The tenant's newest event id, where a reset stream goes on from. */
  async newestId(tx: TenantTx): Promise<string | null> {
    const row = await tx.liveEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    return row ? row.id.toString() : null;
  },

  /** Deletes events written before `before`, across tenants (platform scope), at most `limit`. */
  prune(tx: BaseTx, before: Date, limit: number): Promise<number> {
    return tx.$executeRaw`
      delete from live_events
       where id in (select id from live_events where created_at < ${before} order by id limit ${limit})`;
  },
};
