import { describe, expect, it } from 'vitest';
import { describeBrandChange } from './brand-changes';

describe('describeBrandChange', () => {
  it('lists what a list gained and lost, in the form’s words', () => {
    expect(
      describeBrandChange({ kind: 'list', field: 'dontList', added: ['cheap'], removed: ['instant'] }),
    ).toBe('Never say: + cheap, − instant');
    expect(describeBrandChange({ kind: 'list', field: 'platforms', added: ['TIKTOK'], removed: [] })).toBe(
      'Platforms: + TikTok',
    );
  });

  it('quotes short text from and to, and says when long text was rewritten or cleared', () => {
    expect(describeBrandChange({ kind: 'text', field: 'industry', from: 'Coffee', to: 'Tea' })).toBe(
      'Industry: “Coffee” → “Tea”',
    );
    expect(describeBrandChange({ kind: 'text', field: 'website', from: null, to: 'https://a.example' })).toBe(
      'Website: nothing → “https://a.example”',
    );
    const long = 'Warm and plain-spoken, '.repeat(5);
    expect(describeBrandChange({ kind: 'text', field: 'brandVoice', from: 'Warm', to: long })).toBe(
      'Brand voice: rewritten',
    );
    expect(describeBrandChange({ kind: 'text', field: 'brandVoice', from: long, to: '' })).toBe(
      'Brand voice: cleared',
    );
  });

  it('says a caption length per platform, from and to', () => {
    expect(
      describeBrandChange({
        kind: 'limit',
        field: 'captionMaxChars',
        platform: 'INSTAGRAM',
        from: null,
        to: 220,
      }),
    ).toBe('Caption length on Instagram: no limit → 220 characters');
    expect(
      describeBrandChange({ kind: 'limit', field: 'captionMaxChars', platform: 'X', from: 200, to: null }),
    ).toBe('Caption length on X: 200 characters → no limit');
  });
});
