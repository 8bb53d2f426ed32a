import type { Random } from './random.ts';

/** Strings that break naive SQL, HTML, templates, paths, parsers and Unicode handling. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(10); --',
  "\\'; COPY users TO '/tmp/x'; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg/onload=alert(1)>',
  '{{7*7}} #{7*7} <%= 7*7 %>',
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie: x=1',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202egnp.exe',
  '\u200b\u200c\u200d\ufeff',
  'Z̴̡̛̖a̷̢̛l̸̨̛g̶̡̛o̵̧̕',
  '𝕳𝖊𝖑𝖑𝖔 🔥🚀👩🏽‍💻',
  'ﷺ﷽',
  '\t\n\r\v\f',
  ' ',
  '',
  'null',
  'NaN',
  '-1',
  '1e999',
  '0x7fffffff',
  '__proto__',
] as const;

/** Values of every JSON type, including ones that coerce badly (Infinity from 1e999, 2^53 + 1). */
export const WRONG_TYPES: readonly unknown[] = [
  0,
  -1,
  1.5,
  2 ** 53 + 1,
  -(2 ** 31) - 1,
  1e308,
  true,
  false,
  null,
  [],
  {},
  [[]],
  [null],
  { $ne: null },
  { $gt: '' },
  ['a', 1, null, {}],
  '',
];

/** Ids that are not UUIDs, or are UUIDs shaped to confuse a parser. */
export const BAD_IDS = [
  'not-a-uuid',
  '0',
  '-1',
  "' OR 1=1 --",
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '7d8a2c50d9b14b5e8f3e6c1a2b3c4d5e',
  '{7d8a2c50-d9b1-4b5e-8f3e-6c1a2b3c4d5e}',
  '7d8a2c50-d9b1-4b5e-8f3e-6c1a2b3c4d5e0',
  '7d8a2c50-d9b1-4b5e-8f3e-6c1a2b3c4d5g',
  '<script>',
  '..',
  '%',
  'null',
  'undefined',
  '𝕳🔥',
  'a'.repeat(3_000),
] as const;

/** Path segments sent as they are (not percent-encoded): broken escapes and traversal. */
export const RAW_BAD_SEGMENTS = [
  '%E0%A4%A',
  '%ZZ',
  '%00',
  '..%2F..%2Fadmin',
  '%C0%AE%C0%AE',
  '%2e%2e',
] as const;

export function hugeString(random: Random, length: number): string {
  const unit = random.pick(['a', 'é', '🔥', "'", '<', '\\']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels deep. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Cursor and page-size values a list must refuse or ignore without failing. */
export const BAD_CURSORS = [
  'garbage',
  '',
  '%%%',
  "' OR 1=1 --",
  Buffer.from('{"id":"x","createdAt":"yesterday"}').toString('base64url'),
  Buffer.from('{"id":"\' OR 1=1 --","createdAt":"2020-01-01T00:00:00Z"}').toString('base64url'),
  Buffer.from('["__proto__",1]').toString('base64url'),
  Buffer.from('not json at all').toString('base64url'),
  'eyJ'.repeat(2_000),
] as const;

export const BAD_LIMITS = ['-1', '0', '101', '1e9', 'abc', '1.5', '', 'NaN', '9'.repeat(40)] as const;
