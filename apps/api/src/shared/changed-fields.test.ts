import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields.ts';

describe('changed fields', () => {
  it('when values are equal by value (arrays, objects) or left out, then they are no change', () => {
    const current = { name: 'Acme', tags: ['a', 'b'], meta: { x: 1, y: 2 }, note: null as string | null };
    expect(changedFields(current, { name: 'Acme', tags: ['a', 'b'], meta: { y: 2, x: 1 } })).toEqual({
      data: {},
      fields: [],
    });
  });

  it('when values differ (order of a list included, null against text), then they are listed with the new value', () => {
    const current = { name: 'Acme', tags: ['a', 'b'], note: null as string | null };
    expect(changedFields(current, { tags: ['b', 'a'], note: 'hello', name: 'Acme' })).toEqual({
      data: { tags: ['b', 'a'], note: 'hello' },
      fields: ['tags', 'note'],
    });
  });
});
