import type { Platform } from '@muse/contracts';

export type IdeaKind = 'post' | 'reel';

/** One idea to produce: its kind, its number within the kind (1-based) and its platform. */
export interface Slot {
  kind: IdeaKind;
  number: number;
  platform: Platform;
}

/** Spreads `count` ideas over the platforms in turn, so each gets its share in the order given. */
export function planSlots(kind: IdeaKind, count: number, platforms: readonly Platform[]): Slot[] {
  return Array.from({ length: count }, (_, i) => ({
    kind,
    number: i + 1,
    platform: platforms[i % platforms.length] as Platform,
  }));
}

export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
