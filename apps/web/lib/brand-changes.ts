import { type BrandChange, type BrandSnapshotField, PLATFORM_NAMES, type Platform } from '@muse/contracts';
import { formatNumber } from './labels';

/** The field names the brand page's form uses, so the history speaks the same words. */
export const BRAND_FIELD_LABELS: Record<BrandSnapshotField, string> = {
  name: 'Brand name',
  industry: 'Industry',
  website: 'Website',
  brandVoice: 'Brand voice',
  toneKeywords: 'Tone keywords',
  targetAudience: 'Target audience',
  doList: 'Always do',
  dontList: 'Never say',
  defaultHashtags: 'Default hashtags',
  platforms: 'Platforms',
  captionMaxChars: 'Caption length',
};

/** Text longer than this is said to have changed, not quoted whole. */
const QUOTABLE = 60;

const quoted = (value: string | null) => (value ? `“${value}”` : 'nothing');

/**
 * One line per changed field: "Never say: + cheap, − instant", "Industry: “Coffee” → “Tea”",
 * "Brand voice: rewritten" when the text is too long to quote, "Caption length on Instagram: no
 * limit → 220 characters".
 */
export function describeBrandChange(change: BrandChange): string {
  const label = BRAND_FIELD_LABELS[change.field];
  if (change.kind === 'limit') {
    const limit = (chars: number | null) =>
      chars === null ? 'no limit' : `${formatNumber(chars)} characters`;
    return `${label} on ${PLATFORM_NAMES[change.platform]}: ${limit(change.from)} → ${limit(change.to)}`;
  }
  if (change.kind === 'list') {
    const name = (item: string) =>
      change.field === 'platforms' ? (PLATFORM_NAMES[item as Platform] ?? item) : item;
    const parts = [
      ...change.added.map((item) => `+ ${name(item)}`),
      ...change.removed.map((item) => `− ${name(item)}`),
    ];
    return `${label}: ${parts.join(', ')}`;
  }
  const long = (change.from?.length ?? 0) > QUOTABLE || (change.to?.length ?? 0) > QUOTABLE;
  if (long) return `${label}: ${change.to ? 'rewritten' : 'cleared'}`;
  return `${label}: ${quoted(change.from)} → ${quoted(change.to)}`;
}
