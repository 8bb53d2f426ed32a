import { describe, expect, it } from 'vitest';
import { writeFeedback } from './feedback-writer.ts';

/** The parts of the feedback template the offline model reads. */
const PROMPT = `# Ideas the client answered

## I1 — INSTAGRAM post — rejected
Title: Cheap treats for Monday
Draft caption: ${'Cheap treats, fresh from the oven, every Monday morning at the bakery on the corner. '.repeat(3)}
Draft hashtags: #Bakery
Draft call to action: Come by

## I2 — INSTAGRAM post — changes requested
Title: Cheap bread box
Draft caption: ${'A cheap bread box for the whole week, baked with slow sourdough and love. '.repeat(3)}
Draft hashtags: #Bakery
Draft call to action: Order now

## I3 — X post — approved
Title: Crust
Draft caption: Crust matters.
Draft hashtags:
Draft call to action: Visit

# The client's comments
- C1 on I1 (rejection): Too cheap sounding, and way too long.
- C2 on I2 (change request): Cheap is not us. Shorter please.
- C3 on I3 (comment): Lovely.

# Patterns counted in this history
- S1: banned_hashtag "#Bakery" — platform: none — limit: none — seen 2 times — ideas: I1, I2 — comments: none — Cut from 2 drafts before approval
- S2: always "Work in “sourdough”" — platform: none — limit: none — seen 2 times — ideas: none — comments: none — Added to 2 drafts
`;

describe('feedback writer', () => {
  const { proposals } = writeFeedback(PROMPT);
  const byKind = (kind: string) => proposals.filter((proposal) => proposal.kind === kind);

  it('when the client objected to a word its ideas said twice, then it suggests never using it, citing both', () => {
    expect(byKind('never_use')).toEqual([
      expect.objectContaining({ text: 'cheap', ideaRefs: ['I1', 'I2'], commentRefs: ['C1', 'C2'] }),
    ]);
  });

  it('when the client asked twice for shorter captions on a platform, then it suggests a limit well below them', () => {
    const [length] = byKind('caption_length');
    expect(length).toMatchObject({
      platform: 'INSTAGRAM',
      commentRefs: ['C1', 'C2'],
      ideaRefs: ['I1', 'I2'],
    });
    expect(length?.maxCaptionChars).toBeGreaterThanOrEqual(40);
    expect(length?.maxCaptionChars).toBeLessThan(0.7 * 216);
  });

  it('when a counted pattern cites evidence, then it is kept; one citing nothing is left out', () => {
    expect(byKind('banned_hashtag')).toEqual([
      expect.objectContaining({ text: '#Bakery', ideaRefs: ['I1', 'I2'], commentRefs: [] }),
    ]);
    expect(byKind('always')).toEqual([]);
  });

  it('when asked twice, then it answers the same', () => {
    expect(writeFeedback(PROMPT)).toEqual({ proposals });
  });
});
