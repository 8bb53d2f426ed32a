import { describe, expect, it } from 'vitest';
import { withArticle, writeIdeas } from './idea-writer.ts';
import type { PromptBrief } from './prompt-reader.ts';

function makeBrief(overrides: Partial<PromptBrief> = {}): PromptBrief {
  return {
    brand: 'Northwind Coffee',
    campaign: 'Slow Mornings',
    objective: 'Grow awareness',
    themes: ['slow mornings', 'local farms', 'the first sip'],
    keyMessages: ['Made with oats from local farms', 'Creamy without dairy'],
    dontList: [],
    brandHashtags: ['#NorthwindCoffee'],
    avoidTitles: [],
    captionMaxChars: {},
    slots: Array.from({ length: 30 }, (_, i) => ({
      number: i + 1,
      platform: ['INSTAGRAM', 'X', 'LINKEDIN'][i % 3] as string,
    })),
    ...overrides,
  };
}

describe('idea writer', () => {
  it('when the client keeps captions on a platform short, then those captions fit and the others do not change', () => {
    const free = writeIdeas(makeBrief(), 'post', 3);
    const limited = writeIdeas(makeBrief({ captionMaxChars: { INSTAGRAM: 80 } }), 'post', 3);
    expect([...(free[0]?.caption ?? '')].length).toBeGreaterThan(80);
    expect([...(limited[0]?.caption ?? '')].length).toBeLessThanOrEqual(80);
    expect(limited[2]?.caption).toBe(free[2]?.caption);
  });

  it('when a theme or key message says a phrase the brand never uses, then no idea says it', () => {
    const brief = makeBrief({
      themes: ['cheap eats', 'local farms'],
      keyMessages: ['Cheap and cheerful', 'Creamy without dairy'],
      dontList: ['cheap'],
    });
    const text = JSON.stringify(writeIdeas(brief, 'post', 30)).toLowerCase();
    expect(text).not.toContain('cheap');
    expect(
      JSON.stringify(writeIdeas(makeBrief({ themes: ['cheap eats'] }), 'post', 3)).toLowerCase(),
    ).toContain('cheap');
  });

  it('when 30 slots are written, then every title is different and every idea names the brand or a theme', () => {
    const ideas = writeIdeas(makeBrief(), 'post', 30);
    expect(new Set(ideas.map((idea) => idea.title.toLowerCase())).size).toBe(30);
    for (const idea of ideas)
      expect(`${idea.title} ${idea.caption}`).toMatch(
        /Northwind Coffee|slow mornings|local farms|the first sip/,
      );
  });

  it('when a title is listed as already existing, then a different one is written for that slot', () => {
    const [first] = writeIdeas(makeBrief(), 'post', 1);
    const [again] = writeIdeas(makeBrief({ avoidTitles: [first?.title ?? ''] }), 'post', 1);
    expect(again?.title).not.toBe(first?.title);
  });

  it('when writing for X, then the caption and hashtags stay under 280 characters', () => {
    const ideas = writeIdeas(makeBrief({ keyMessages: ['word '.repeat(80)] }), 'post', 30).filter(
      (idea) => idea.platform === 'X',
    );
    for (const idea of ideas)
      expect(`${idea.caption}\n\n${idea.hashtags.join(' ')}`.length).toBeLessThanOrEqual(280);
  });

  it('when writing reels, then the beats start at 0, go forward and end before the duration', () => {
    for (const idea of writeIdeas(makeBrief(), 'reel', 6)) {
      const starts = idea.beats.map((beat) => beat.startSec);
      expect(starts[0]).toBe(0);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      expect(starts.at(-1)).toBeLessThan(idea.durationSec);
    }
  });
});

describe('articles', () => {
  it('when a theme starts with a vowel, then it reads "an"', () => {
    expect(withArticle('origin story')).toBe('an origin story');
    expect(withArticle('home brewing')).toBe('a home brewing');
  });
});
