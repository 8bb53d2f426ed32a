import { describe, expect, it } from 'vitest';
import { type BrandSnapshot, brandChanges, touchesBrand } from './brand-versions.ts';

const profile: BrandSnapshot = {
  name: 'Acme',
  industry: 'Coffee',
  website: null,
  brandVoice: 'Warm',
  toneKeywords: ['warm'],
  targetAudience: 'Commuters',
  doList: [],
  dontList: ['instant'],
  defaultHashtags: ['#Acme'],
  platforms: ['INSTAGRAM'],
  captionMaxChars: { INSTAGRAM: 300 },
};

describe('brandChanges', () => {
  it('names what lists gained and lost, and what text went from and to, in the profile’s order', () => {
    expect(
      brandChanges(profile, {
        ...profile,
        website: 'https://acme.example',
        dontList: ['cheap'],
        platforms: ['INSTAGRAM', 'TIKTOK'],
        captionMaxChars: { INSTAGRAM: 220, TIKTOK: 150 },
      }),
    ).toEqual([
      { kind: 'text', field: 'website', from: null, to: 'https://acme.example' },
      { kind: 'list', field: 'dontList', added: ['cheap'], removed: ['instant'] },
      { kind: 'list', field: 'platforms', added: ['TIKTOK'], removed: [] },
      { kind: 'limit', field: 'captionMaxChars', platform: 'INSTAGRAM', from: 300, to: 220 },
      { kind: 'limit', field: 'captionMaxChars', platform: 'TIKTOK', from: null, to: 150 },
    ]);
  });

  it('when only the order of a list changes, or nothing does, then there is no change', () => {
    expect(brandChanges(profile, { ...profile })).toEqual([]);
    const two = { ...profile, toneKeywords: ['warm', 'wry'] };
    expect(brandChanges(two, { ...two, toneKeywords: ['wry', 'warm'] })).toEqual([]);
  });
});

describe('touchesBrand', () => {
  it('is true for brand fields only, not the reminder cadence', () => {
    expect(touchesBrand(['reminderLimit'])).toBe(false);
    expect(touchesBrand(['reminderLimit', 'dontList'])).toBe(true);
  });
});
