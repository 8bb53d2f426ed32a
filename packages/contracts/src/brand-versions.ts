import { z } from 'zod';
import { Platform } from './common.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';

/** The fields of a brand profile that its versions keep; a change of any of them is a new version. */
export const BRAND_SNAPSHOT_FIELDS = [
  'name',
  'industry',
  'website',
  'brandVoice',
  'toneKeywords',
  'targetAudience',
  'doList',
  'dontList',
  'defaultHashtags',
  'platforms',
  'captionMaxChars',
] as const;
export type BrandSnapshotField = (typeof BRAND_SNAPSHOT_FIELDS)[number];

/** The longest caption (without hashtags) a client wants on each platform it named; others have none. */
export const CaptionMaxChars = z
  .partialRecord(Platform, z.int().min(40).max(5000))
  .meta({ id: 'CaptionMaxChars' });
export type CaptionMaxChars = z.infer<typeof CaptionMaxChars>;

const LIST_FIELDS = new Set<BrandSnapshotField>([
  'toneKeywords',
  'doList',
  'dontList',
  'defaultHashtags',
  'platforms',
]);

export const BrandSnapshot = z
  .object({
    name: z.string(),
    industry: z.string(),
    website: z.string().nullable(),
    brandVoice: z.string(),
    toneKeywords: z.array(z.string()),
    targetAudience: z.string(),
    doList: z.array(z.string()),
    dontList: z.array(z.string()),
    defaultHashtags: z.array(z.string()),
    platforms: z.array(Platform),
    /** Learned from review: the longest caption (without hashtags) the client wants, per platform. */
    captionMaxChars: CaptionMaxChars,
  })
  .meta({ id: 'BrandSnapshot' });
export type BrandSnapshot = z.infer<typeof BrandSnapshot>;

/** The brand fields of a client, in the shape a version keeps. */
export function brandSnapshotOf(client: BrandSnapshot): BrandSnapshot {
  return Object.fromEntries(BRAND_SNAPSHOT_FIELDS.map((field) => [field, client[field]])) as BrandSnapshot;
}

/** Whether a change names a brand field: only those make a new version (reminders do not). */
export function touchesBrand(fields: readonly string[]): boolean {
  return fields.some((field) => (BRAND_SNAPSHOT_FIELDS as readonly string[]).includes(field));
}

/**
 * What one field went from and to: lists as what was added and removed, text as before and after,
 * a per-platform limit as one change per platform.
 */
export const BrandChange = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('list'),
      field: z.enum(BRAND_SNAPSHOT_FIELDS),
      added: z.array(z.string()),
      removed: z.array(z.string()),
    }),
    z.object({
      kind: z.literal('text'),
      field: z.enum(BRAND_SNAPSHOT_FIELDS),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('limit'),
      field: z.literal('captionMaxChars'),
      platform: Platform,
      from: z.int().nullable(),
      to: z.int().nullable(),
    }),
  ])
  .meta({ id: 'BrandChange' });
export type BrandChange = z.infer<typeof BrandChange>;

/** The fields that differ between two versions, in the profile's order. */
export function brandChanges(before: BrandSnapshot, after: BrandSnapshot): BrandChange[] {
  const changes: BrandChange[] = [];
  for (const field of BRAND_SNAPSHOT_FIELDS) {
    if (field === 'captionMaxChars') {
      for (const platform of Platform.options) {
        const from = before.captionMaxChars[platform] ?? null;
        const to = after.captionMaxChars[platform] ?? null;
        if (from !== to) changes.push({ kind: 'limit', field, platform, from, to });
      }
    } else if (LIST_FIELDS.has(field)) {
      const from = before[field] as string[];
      const to = after[field] as string[];
      const added = to.filter((item) => !from.includes(item));
      const removed = from.filter((item) => !to.includes(item));
      if (added.length > 0 || removed.length > 0) changes.push({ kind: 'list', field, added, removed });
    } else if (before[field] !== after[field]) {
      changes.push({
        kind: 'text',
        field,
        from: before[field] as string | null,
        to: after[field] as string | null,
      });
    }
  }
  return changes;
}

export const BrandVersion = z
  .object({
    number: z.int().min(1),
    snapshot: BrandSnapshot,
    /** What changed since the version before; empty for version 1. */
    changes: z.array(BrandChange),
    /** Who made it; null when the system did (the first version of a client that existed before versions). */
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    reason: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'BrandVersion' });
export type BrandVersion = z.infer<typeof BrandVersion>;

export const BrandVersionPage = pageOf(BrandVersion).meta({ id: 'BrandVersionPage' });
export type BrandVersionPage = z.infer<typeof BrandVersionPage>;

export const ListBrandVersionsQuery = z.strictObject({ ...PageQuery.shape });
export type ListBrandVersionsQuery = z.infer<typeof ListBrandVersionsQuery>;

/** Why a brand profile changed, as its version records it. */
export const BrandChangeReason = z.string().trim().min(1).max(500);

export const brandVersionRoutes = defineRouteContracts({
  list: {
    method: 'GET',
    path: '/api/clients/:id/brand-versions',
    summary: 'The versions of a client’s brand profile, newest first',
    description: 'Each with who made it, why and what changed. Agency users only.',
    tags: ['clients'],
    auth: 'bearer',
    params: IdParams,
    query: ListBrandVersionsQuery,
    response: BrandVersionPage,
  },
});
