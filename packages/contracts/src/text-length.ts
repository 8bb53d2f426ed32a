const URL_PATTERN = /\bhttps?:\/\/\S+/gi;
const X_URL_WEIGHT = 23;
/** Code point ranges X counts as one; everything else (CJK, emoji …) counts as two. */
const X_LIGHT_RANGES: [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

/** Length as most platforms count it: code points, so an emoji is one character, not two UTF-16 units. */
export function plainLength(text: string): number {
  return [...text].length;
}

/** Length as X counts it (twitter-text v3); emoji sequences joined by ZWJ count a little high, which errs safe. */
export function xWeightedLength(text: string): number {
  const urls = text.match(URL_PATTERN) ?? [];
  let length = urls.length * X_URL_WEIGHT;
  for (const char of text.replace(URL_PATTERN, '')) {
    const code = char.codePointAt(0) ?? 0;
    length += X_LIGHT_RANGES.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
  }
  return length;
}
