import { z } from 'zod';
import { AppError } from '../http/app-error.ts';

/** Where a page ended: the sort key of its last row. Opaque to clients (base64url JSON). */
export interface Keyset {
  createdAt: Date;
  id: string;
}

const KeysetTuple = z.tuple([z.iso.datetime(), z.uuid()]);

/** A cursor over any sort key: its values, in sort order, as base64url JSON. */
export function encodeKeyCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The sort key a cursor of encodeKeyCursor carries, checked against the list's key shape. */
export function decodeKeyCursor<T extends z.ZodTuple>(cursor: string, shape: T): z.output<T> {
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch (error) {
    throw new AppError('invalid_input', 'The cursor is not valid: pass back a nextCursor unchanged', {
      details: [
        { location: 'query', path: ['cursor'], code: 'invalid_cursor', message: 'not a cursor of this list' },
      ],
      cause: error,
    });
  }
}

const encodeable = (row: Keyset) => [row.createdAt.toISOString(), row.id];

export function encodeCursor(row: Keyset): string {
  return encodeKeyCursor(encodeable(row));
}

export function decodeCursor(cursor: string): Keyset {
  const [createdAt, id] = decodeKeyCursor(cursor, KeysetTuple);
  return { createdAt: new Date(createdAt), id };
}

/**
 * The Prisma filter for rows after the keyset, in (time, id) order ascending or descending; the
 * time is `createdAt` unless the list sorts by another column (a generation's `queuedAt`).
 */
export function afterKeyset(
  keyset: Keyset | undefined,
  direction: 'asc' | 'desc',
  column: 'createdAt' | 'queuedAt' = 'createdAt',
) {
  if (!keyset) return {};
  const beyond = direction === 'asc' ? 'gt' : 'lt';
  return {
    OR: [
      { [column]: { [beyond]: keyset.createdAt } },
      { [column]: keyset.createdAt, id: { [beyond]: keyset.id } },
    ],
  };
}

/** Repositories fetch limit + 1 rows: the extra one only tells whether another page exists. */
export function toPage<T extends Keyset>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  return toPageAt(rows, limit, (row) => row.createdAt);
}

/** toPage for lists sorted by another time than `createdAt` (then by id). */
export function toPageAt<T extends { id: string }>(
  rows: T[],
  limit: number,
  timeOf: (row: T) => Date,
): { items: T[]; nextCursor: string | null } {
  return toPageBy(rows, limit, (row) => encodeable({ createdAt: timeOf(row), id: row.id }));
}

/** toPage for lists sorted by another key: `keyOf` gives the values the next page starts after. */
export function toPageBy<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => (string | number)[],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeKeyCursor(keyOf(last)) : null };
}
