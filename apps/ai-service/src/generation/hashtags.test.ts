import { describe, expect, it } from 'vitest';
import { normalizeHashtag, normalizeHashtags } from './hashtags.ts';

describe('hashtags', () => {
  it('when a tag lacks #, has spaces or doubled #, then it is published as one #tag', () => {
    expect(normalizeHashtag('Coffee Lovers')).toBe('#CoffeeLovers');
    expect(normalizeHashtag('##oat')).toBe('#oat');
    expect(normalizeHashtag(' # ')).toBeNull();
  });

  it('when tags repeat in another case, then the first spelling is kept once', () => {
    expect(normalizeHashtags(['#SlowMornings', 'slowmornings', '', '#Oat'])).toEqual([
      '#SlowMornings',
      '#Oat',
    ]);
  });
});
