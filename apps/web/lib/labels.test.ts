import { describe, expect, it } from 'vitest';
import { formatShareUsed, plural } from './labels';

describe('plural', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(plural(1, 'draft')).toBe('1 draft');
    expect(plural(0, 'draft')).toBe('0 drafts');
    expect(plural(2, 'change')).toBe('2 changes');
    expect(plural(1200, 'token')).toBe('1,200 tokens');
    expect(plural(1, 'idea is', 'ideas are')).toBe('1 idea is');
    expect(plural(3, 'idea is', 'ideas are')).toBe('3 ideas are');
  });
});

describe('formatShareUsed', () => {
  it('says “<1% used” once anything is spent, and never rounds up to a full quota', () => {
    expect(formatShareUsed(0, 1_000_000)).toBe('0% used');
    expect(formatShareUsed(1_200, 1_000_000)).toBe('<1% used');
    expect(formatShareUsed(10_000, 1_000_000)).toBe('1% used');
    expect(formatShareUsed(999_999, 1_000_000)).toBe('99% used');
    expect(formatShareUsed(1_000_000, 1_000_000)).toBe('100% used');
  });
});
