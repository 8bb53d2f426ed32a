import { isDeepStrictEqual } from 'node:util';

/**
 * The fields of `next` whose value differs from `current` (arrays and JSON by value), with
 * their new values: what an update writes and what the audit log names.
 */
export function changedFields<T extends object, K extends keyof T & string>(
  current: T,
  next: Partial<Pick<T, K>>,
): { data: Partial<Pick<T, K>>; fields: K[] } {
  const data: Partial<Pick<T, K>> = {};
  const fields: K[] = [];
  for (const [key, value] of Object.entries(next) as [K, T[K]][]) {
    if (value === undefined || isDeepStrictEqual(value, current[key])) continue;
    data[key] = value;
    fields.push(key);
  }
  return { data, fields };
}
