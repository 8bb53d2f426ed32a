import { describe, expect, it } from 'vitest';
import { confidenceLabel, evidenceSummary, proposalKindLabel } from './brand-proposals';

describe('brand suggestion labels', () => {
  it('names where a suggestion lands, with the platform of a caption length', () => {
    expect(proposalKindLabel({ kind: 'never_use', platform: null })).toBe('Never say');
    expect(proposalKindLabel({ kind: 'always', platform: null })).toBe('Always do');
    expect(proposalKindLabel({ kind: 'caption_length', platform: 'INSTAGRAM' })).toBe(
      'Caption length · Instagram',
    );
  });

  it('says confidence in words and as a share', () => {
    expect(confidenceLabel(0.82)).toBe('High confidence (82%)');
    expect(confidenceLabel(0.5)).toBe('Medium confidence (50%)');
    expect(confidenceLabel(0.31)).toBe('Low confidence (31%)');
  });

  it('counts what a suggestion rests on, leaving out what is not there', () => {
    const idea = '00000000-0000-4000-8000-000000000001';
    expect(evidenceSummary({ occurrences: 3, ideaIds: [idea, idea], commentIds: [idea], lines: [] })).toBe(
      'Seen 3 times · 2 ideas · 1 comment',
    );
    expect(evidenceSummary({ occurrences: 1, ideaIds: [idea], commentIds: [], lines: [] })).toBe(
      'Seen 1 time · 1 idea',
    );
  });
});
