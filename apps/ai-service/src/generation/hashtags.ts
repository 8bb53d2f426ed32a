/** `Coffee Lovers`, `coffeelovers`, `##CoffeeLovers` → `#CoffeeLovers`; null when nothing is left. */
export function normalizeHashtag(tag: string): string | null {
  const body = tag.replace(/^#+/, '').replace(/[\s#]+/g, '');
  return body ? `#${body}` : null;
}

/** Normalised, without empty ones and case-insensitive repeats, in their first spelling. */
export function normalizeHashtags(tags: readonly string[]): string[] {
  const unique = new Map<string, string>();
  for (const tag of tags) {
    const normalized = normalizeHashtag(tag);
    if (normalized && !unique.has(normalized.toLowerCase())) unique.set(normalized.toLowerCase(), normalized);
  }
  return [...unique.values()];
}
