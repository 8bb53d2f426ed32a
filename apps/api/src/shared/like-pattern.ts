/**
 * A search term as literal text for Prisma's `contains`. On PostgreSQL Prisma builds
 * `LIKE '%' || $1 || '%'` without escaping, so `%` and `_` would act as wildcards; a backslash
 * (LIKE's default escape character) makes them, and itself, plain characters.
 */
export function literalContains(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}
