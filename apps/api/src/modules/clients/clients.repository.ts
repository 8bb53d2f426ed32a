import { CaptionMaxChars, type Platform } from '@muse/contracts';
import { Prisma, type TenantTx } from '@muse/db';
import { literalContains } from '../../shared/like-pattern.ts';

/** A client's brand profile: what the AI writes in the voice of, and what the client's page edits. */
export const BRAND_FIELDS = {
  name: true,
  industry: true,
  website: true,
  brandVoice: true,
  toneKeywords: true,
  targetAudience: true,
  doList: true,
  dontList: true,
  defaultHashtags: true,
  captionMaxChars: true,
} as const satisfies Prisma.ClientSelect;

/** A row with its JSON brand field read as the contracts type it: what every caller gets. */
export function withBrandLimits<Row extends { captionMaxChars: Prisma.JsonValue }>(
  row: Row,
): Omit<Row, 'captionMaxChars'> & { captionMaxChars: CaptionMaxChars } {
  return { ...row, captionMaxChars: CaptionMaxChars.parse(row.captionMaxChars) };
}

const CLIENT_FIELDS = {
  id: true,
  ...BRAND_FIELDS,
  platforms: true,
  reminderFirstAfterDays: true,
  reminderEveryDays: true,
  reminderLimit: true,
  brandVersion: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ClientSelect;

export interface ClientFilter {
  /** Part of the name, case-insensitively. */
  q?: string;
  includeArchived: boolean;
  /** The (name, id) the previous page ended with. */
  after?: { name: string; id: string };
  limit: number;
}

export type ClientData = Omit<
  Prisma.ClientUncheckedCreateInput,
  'id' | 'brandVersion' | 'archivedAt' | 'createdAt' | 'updatedAt'
>;

export interface NewBrandVersion {
  tenantId: string;
  clientId: string;
  number: number;
  snapshot: Prisma.InputJsonObject;
  createdById: string | null;
  reason: string | null;
}

const BRAND_VERSION_FIELDS = {
  number: true,
  snapshot: true,
  createdById: true,
  reason: true,
  createdAt: true,
} as const satisfies Prisma.BrandProfileVersionSelect;

export const clientsRepository = {
  /** By name (ties by id), served by the (tenant_id, name, id) index; one row beyond the page. */
  list(tx: TenantTx, filter: ClientFilter) {
    const after = filter.after;
    return tx.client
      .findMany({
        where: {
          ...(filter.includeArchived ? {} : { archivedAt: null }),
          ...(filter.q
            ? { name: { contains: literalContains(filter.q), mode: 'insensitive' as const } }
            : {}),
          ...(after
            ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }
            : {}),
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: filter.limit + 1,
        select: CLIENT_FIELDS,
      })
      .then((rows) => rows.map(withBrandLimits));
  },

  findById(tx: TenantTx, id: string) {
    return tx.client
      .findFirst({ where: { id }, select: CLIENT_FIELDS })
      .then((row) => row && withBrandLimits(row));
  },

  /** The client's id and name; `active` finds it only while it is not archived. */
  findRef(tx: TenantTx, id: string, which: 'active' | 'any') {
    return tx.client.findFirst({
      where: { id, ...(which === 'active' ? { archivedAt: null } : {}) },
      select: { id: true, name: true },
    });
  },

  /**
   * Holds the client row until the transaction ends: campaign writes take it shared, changes of
   * the client's platforms or archive state exclusively, so neither checks a stale client.
   */
  async lock(tx: TenantTx, id: string, mode: 'share' | 'update'): Promise<void> {
    const lock = mode === 'share' ? Prisma.sql`for share` : Prisma.sql`for update`;
    await tx.$queryRaw`select 1 from clients where id = ${id}::uuid ${lock}`;
  },

  create(tx: TenantTx, data: ClientData) {
    return tx.client.create({ data, select: CLIENT_FIELDS }).then(withBrandLimits);
  },

  update(tx: TenantTx, id: string, data: Prisma.ClientUncheckedUpdateInput) {
    return tx.client.update({ where: { id }, data, select: CLIENT_FIELDS }).then(withBrandLimits);
  },

  async addBrandVersion(tx: TenantTx, version: NewBrandVersion): Promise<void> {
    await tx.brandProfileVersion.create({ data: version, select: { id: true } });
  },

  /**
   * The client's versions newest first, from below `beforeNumber`: one row beyond the page, which
   * is also the version before the page's last (numbers have no gaps), so every row can be diffed.
   */
  listBrandVersions(tx: TenantTx, clientId: string, filter: { beforeNumber?: number; limit: number }) {
    return tx.brandProfileVersion.findMany({
      where: { clientId, ...(filter.beforeNumber ? { number: { lt: filter.beforeNumber } } : {}) },
      orderBy: { number: 'desc' },
      take: filter.limit + 1,
      select: BRAND_VERSION_FIELDS,
    });
  },

  /** The names of these users, by id. */
  userNames(tx: TenantTx, ids: string[]) {
    return tx.user
      .findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      .then((users) => new Map(users.map((user) => [user.id, user.name])));
  },

  /** Campaigns, not archived, that plan for any of these platforms (a few, to name them). */
  campaignsUsing(tx: TenantTx, clientId: string, platforms: Platform[]) {
    return tx.campaign.findMany({
      where: { clientId, status: { not: 'ARCHIVED' }, platforms: { hasSome: platforms } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 5,
      select: { id: true, name: true, platforms: true },
    });
  },
};
