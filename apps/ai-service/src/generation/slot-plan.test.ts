import { describe, expect, it } from 'vitest';
import { inBatches, planSlots } from './slot-plan.ts';

describe('slot plan', () => {
  it('when 10 posts go to three platforms, then they take turns in the order given', () => {
    const slots = planSlots('post', 10, ['INSTAGRAM', 'TIKTOK', 'LINKEDIN']);
    expect(slots.map((slot) => slot.platform)).toEqual([
      'INSTAGRAM',
      'TIKTOK',
      'LINKEDIN',
      'INSTAGRAM',
      'TIKTOK',
      'LINKEDIN',
      'INSTAGRAM',
      'TIKTOK',
      'LINKEDIN',
      'INSTAGRAM',
    ]);
    expect(slots.map((slot) => slot.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('when items are batched by 5, then no batch is larger and nothing is lost', () => {
    expect(inBatches([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 5)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11],
    ]);
    expect(inBatches([], 5)).toEqual([]);
  });
});
