import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  afterKeyset,
  decodeCursor,
  decodeKeyCursor,
  encodeCursor,
  encodeKeyCursor,
  toPage,
  toPageAt,
  toPageBy,
} from './keyset-page.ts';

const row = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  createdAt: new Date(Date.UTC(2026, 0, n)),
});

describe('keyset pages', () => {
  it('when a cursor is encoded and decoded, then the keyset comes back exactly', () => {
    expect(decodeCursor(encodeCursor(row(3)))).toEqual(row(3));
  });

  it('when a cursor is forged or truncated, then 400 invalid_input on cursor', () => {
    for (const cursor of [
      'nope',
      Buffer.from('["x","y"]').toString('base64url'),
      encodeCursor(row(3)).slice(0, 10),
    ]) {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
  });

  it('when there are more rows than the limit, then the page ends with a cursor to its last item', () => {
    const page = toPage([row(1), row(2), row(3)], 2);
    expect(page.items).toEqual([row(1), row(2)]);
    expect(page.nextCursor && decodeCursor(page.nextCursor)).toEqual(row(2));
    expect(toPage([row(1)], 2).nextCursor).toBeNull();
  });

  it('when filtering after a keyset, then ties on createdAt are broken by id in the same direction', () => {
    expect(afterKeyset(row(2), 'desc')).toEqual({
      OR: [{ createdAt: { lt: row(2).createdAt } }, { createdAt: row(2).createdAt, id: { lt: row(2).id } }],
    });
    expect(afterKeyset(undefined, 'asc')).toEqual({});
  });

  it('when a list sorts by another time, then its filter and its cursor use that time', () => {
    expect(afterKeyset(row(2), 'asc', 'queuedAt')).toEqual({
      OR: [{ queuedAt: { gt: row(2).createdAt } }, { queuedAt: row(2).createdAt, id: { gt: row(2).id } }],
    });
    const queued = (n: number) => ({ id: row(n).id, queuedAt: row(n).createdAt });
    const page = toPageAt([queued(3), queued(2), queued(1)], 2, (r) => r.queuedAt);
    expect(page.items).toEqual([queued(3), queued(2)]);
    expect(page.nextCursor && decodeCursor(page.nextCursor)).toEqual(row(2));
  });

  it('when a list sorts by another key, then its cursor carries that key and refuses a cursor of another list', () => {
    const byName = z.tuple([z.string(), z.uuid()]);
    expect(decodeKeyCursor(encodeKeyCursor(['Acme', row(1).id]), byName)).toEqual(['Acme', row(1).id]);
    expect(() => decodeKeyCursor(encodeCursor(row(1)), z.tuple([z.int()]))).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    const page = toPageBy([{ version: 5 }, { version: 4 }, { version: 3 }], 2, (r) => [r.version]);
    expect(page.items).toEqual([{ version: 5 }, { version: 4 }]);
    expect(page.nextCursor && decodeKeyCursor(page.nextCursor, z.tuple([z.int()]))).toEqual([4]);
  });
});
