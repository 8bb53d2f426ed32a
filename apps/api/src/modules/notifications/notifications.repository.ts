import type { NotificationDelivery, NotificationKind } from '@muse/contracts';
import type { Prisma, TenantTx } from '@muse/db';
import { afterKeyset, type Keyset } from '../../shared/keyset-page.ts';

const NOTIFICATION_FIELDS = {
  id: true,
  kind: true,
  campaignId: true,
  ideaId: true,
  data: true,
  readAt: true,
  createdAt: true,
} as const satisfies Prisma.NotificationSelect;

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof NOTIFICATION_FIELDS }>;

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  campaignId: string | null;
  ideaId: string | null;
  data: Prisma.InputJsonObject;
  /** Set when no mail will be sent about it (the user turned the kind off). */
  mailedAt: Date | null;
}

export const notificationsRepository = {
  createMany(tx: TenantTx, tenantId: string, rows: NewNotification[]) {
    if (rows.length === 0) return Promise.resolve([]);
    return tx.notification.createManyAndReturn({
      data: rows.map((row) => ({ ...row, tenantId })),
      select: { id: true, userId: true, campaignId: true },
    });
  },

  list(tx: TenantTx, userId: string, filter: { unread?: boolean; after?: Keyset; take: number }) {
    return tx.notification.findMany({
      where: { userId, ...(filter.unread ? { readAt: null } : {}), ...afterKeyset(filter.after, 'desc') },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
      select: NOTIFICATION_FIELDS,
    });
  },

  unreadCount(tx: TenantTx, userId: string): Promise<number> {
    return tx.notification.count({ where: { userId, readAt: null } });
  },

  /** Marks the user's own notifications read: ids of anyone else's match nothing. */
  async markRead(tx: TenantTx, userId: string, ids: string[] | 'all'): Promise<void> {
    await tx.notification.updateMany({
      where: { userId, readAt: null, ...(ids === 'all' ? {} : { id: { in: ids } }) },
      data: { readAt: new Date() },
    });
  },

  async preferences(
    tx: TenantTx,
    userIds: string[],
  ): Promise<Map<string, Map<NotificationKind, NotificationDelivery>>> {
    const rows = await tx.notificationPreference.findMany({ where: { userId: { in: userIds } } });
    const byUser = new Map<string, Map<NotificationKind, NotificationDelivery>>();
    for (const row of rows) {
      const own = byUser.get(row.userId) ?? new Map<NotificationKind, NotificationDelivery>();
      own.set(row.kind, row.delivery);
      byUser.set(row.userId, own);
    }
    return byUser;
  },

  async timeZoneOf(tx: TenantTx, userId: string): Promise<string | null> {
    const user = await tx.user.findFirst({ where: { id: userId }, select: { timeZone: true } });
    return user?.timeZone ?? null;
  },

  /** Whether PostgreSQL knows the zone: the digest sweep converts times with it. */
  async isKnownTimeZone(tx: TenantTx, name: string): Promise<boolean> {
    const [row] = await tx.$queryRaw<{ known: boolean }[]>`
      select exists (select 1 from pg_timezone_names where name = ${name}) as known`;
    return row?.known ?? false;
  },

  async setTimeZone(tx: TenantTx, userId: string, timeZone: string): Promise<void> {
    await tx.user.updateMany({ where: { id: userId }, data: { timeZone } });
  },

  async setPreferences(
    tx: TenantTx,
    tenantId: string,
    userId: string,
    preferences: { kind: NotificationKind; delivery: NotificationDelivery }[],
  ): Promise<void> {
    for (const { kind, delivery } of preferences) {
      await tx.notificationPreference.upsert({
        where: { tenantId_userId_kind: { tenantId, userId, kind } },
        create: { tenantId, userId, kind, delivery },
        update: { delivery },
      });
    }
  },

  /**
   * Takes the user's notifications of the given kinds that no mail has covered yet, marking them
   * mailed in the same statement: of two deliveries at once, each notification goes to one.
   */
  claimUnmailed(tx: TenantTx, userId: string, kinds: NotificationKind[]) {
    if (kinds.length === 0) return Promise.resolve([]);
    return tx.$queryRaw<(NotificationRow & { kind: NotificationKind })[]>`
      update notifications set mailed_at = now()
       where user_id = ${userId}::uuid and mailed_at is null
         and kind = any(${kinds}::"NotificationKind"[])
      returning id, kind, campaign_id as "campaignId", idea_id as "ideaId", data, read_at as "readAt",
                created_at as "createdAt"`;
  },
};
