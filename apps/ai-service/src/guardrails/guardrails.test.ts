import { type GeneratedPostIdea, type GeneratedReelIdea, xWeightedLength } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { BannedPhrases, checkIdea, normalizeTitle, TitleRegistry } from './guardrails.ts';

function makePost(overrides: Partial<GeneratedPostIdea> = {}): GeneratedPostIdea {
  return {
    type: 'POST',
    platform: 'INSTAGRAM',
    title: 'The first sip at 7 a.m.',
    hook: 'Seven minutes before your train.',
    caption: 'Seven minutes before your train. That is all the oat latte asks.',
    hashtags: ['#NorthwindCoffee', '#SlowMornings'],
    callToAction: 'Save this for tomorrow morning',
    visualDirection: 'Close-up of a cup on the counter, morning light from the left.',
    templateVersion: 'post/v1',
    ...overrides,
  };
}

function makeReel(overrides: Partial<GeneratedReelIdea> = {}): GeneratedReelIdea {
  return {
    type: 'REEL',
    platform: 'TIKTOK',
    title: 'POV: the first sip',
    hook: 'POV: you finally slow down.',
    caption: 'Five minutes. One oat latte.',
    hashtags: ['#NorthwindCoffee'],
    callToAction: 'Follow for more slow mornings',
    durationSec: 30,
    beats: [
      {
        startSec: 0,
        shot: 'Close-up of the pour',
        voiceover: 'POV: you finally slow down.',
        onScreenText: 'Slow down',
      },
      {
        startSec: 8,
        shot: 'Barista hands over the cup',
        voiceover: 'Made with oats from local farms.',
        onScreenText: '',
      },
      { startSec: 20, shot: 'First sip, eyes close', voiceover: '', onScreenText: 'Worth it' },
    ],
    audioSuggestion: 'Soft lo-fi beat under the voiceover',
    templateVersion: 'reel/v1',
    ...overrides,
  };
}

const noRules = () => ({ banned: new BannedPhrases([]), titles: new TitleRegistry() });

describe('platform limits', () => {
  it('when an X post with its hashtags runs past 280 characters, then it is rejected with the count', () => {
    const idea = makePost({ platform: 'X', caption: 'a'.repeat(270), hashtags: ['#NorthwindCoffee'] });
    expect(checkIdea(idea, noRules())).toEqual([
      { rule: 'caption_too_long', message: 'The caption and hashtags run to 288 characters; X allows 280.' },
    ]);
  });

  it('when an X post fits in 280 characters, then it passes', () => {
    expect(checkIdea(makePost({ platform: 'X', caption: 'a'.repeat(200) }), noRules())).toEqual([]);
  });

  it('when X counts emoji and CJK twice and links as 23, then the weighted length says so', () => {
    expect(xWeightedLength('abc')).toBe(3);
    expect(xWeightedLength('☕')).toBe(2);
    expect(xWeightedLength('朝のコーヒー')).toBe(12);
    expect(xWeightedLength(`see https://northwind.example/${'x'.repeat(80)}`)).toBe(4 + 23);
  });

  it('when an Instagram caption is over 2,200 characters, then it is rejected; a LinkedIn one of 2,900 passes', () => {
    expect(checkIdea(makePost({ caption: 'a'.repeat(2190) }), noRules()).map((v) => v.rule)).toEqual([
      'caption_too_long',
    ]);
    expect(checkIdea(makePost({ platform: 'LINKEDIN', caption: 'a'.repeat(2900) }), noRules())).toEqual([]);
  });

  it('when an Instagram post has more than 30 hashtags, counting those in the caption, then it is rejected', () => {
    const hashtags = Array.from({ length: 28 }, (_, i) => `#tag${i}`);
    const idea = makePost({ hashtags, caption: 'Morning #coffee #oatlatte #commute' });
    expect(checkIdea(idea, noRules())).toEqual([
      { rule: 'too_many_hashtags', message: 'It has 31 hashtags; Instagram allows 30.' },
    ]);
  });

  it('when a reel is longer than its platform allows, then it is rejected with the range', () => {
    const idea = makeReel({ platform: 'FACEBOOK', durationSec: 120 });
    expect(checkIdea(idea, noRules())).toEqual([
      { rule: 'reel_duration', message: 'The reel runs 120 seconds; Facebook takes 5–90.' },
    ]);
    expect(checkIdea(makeReel({ platform: 'TIKTOK', durationSec: 120 }), noRules())).toEqual([]);
  });

  it("when a reel's beats do not start at 0, go backwards or start after the end, then it is rejected", () => {
    const [first, second, third] = makeReel().beats as [
      GeneratedReelIdea['beats'][0],
      GeneratedReelIdea['beats'][0],
      GeneratedReelIdea['beats'][0],
    ];
    const cases = [
      [{ ...first, startSec: 2 }, second, third],
      [first, third, second],
      [first, second, { ...third, startSec: 30 }],
    ];
    for (const beats of cases) {
      expect(checkIdea(makeReel({ beats }), noRules()).map((v) => v.rule)).toEqual(['reel_beats']);
    }
  });
});

describe("the brand's don't list", () => {
  const banned = new BannedPhrases(['cheap', 'best coffee in town', 'No-brainer']);
  const rules = () => ({ banned, titles: new TitleRegistry() });

  it('when a phrase appears in any case, then it is found', () => {
    const violations = checkIdea(makePost({ caption: 'CHEAP thrills, warm cups.' }), rules());
    expect(violations).toEqual([
      { rule: 'banned_phrase', message: 'It uses "cheap", which the brand never says.' },
    ]);
  });

  it('when the phrase is only part of a longer word, then it is not a match (whole words only)', () => {
    expect(
      checkIdea(makePost({ caption: 'Cheaper than a taxi, and cheapskates welcome.' }), rules()),
    ).toEqual([]);
  });

  it('when a multi-word phrase is spread over line breaks or hyphens, then it is still found', () => {
    const idea = makePost({ caption: 'Honestly the best\ncoffee in-town.' });
    expect(checkIdea(idea, rules()).map((v) => v.message)).toEqual([
      'It uses "best coffee in town", which the brand never says.',
    ]);
  });

  it('when a phrase hides in a hashtag, a beat or the visual direction, then it is found', () => {
    expect(checkIdea(makePost({ hashtags: ['#BestCoffeeInTown'] }), rules()).map((v) => v.rule)).toEqual([
      'banned_phrase',
    ]);
    expect(
      checkIdea(makePost({ visualDirection: 'A sign saying "no-brainer"' }), rules()).map((v) => v.rule),
    ).toEqual(['banned_phrase']);
    const beats = [{ startSec: 0, shot: 'Pour', voiceover: 'A cheap trick? No.', onScreenText: '' }];
    expect(checkIdea(makeReel({ beats }), rules()).map((v) => v.rule)).toEqual(['banned_phrase']);
  });

  it('when a phrase has regular-expression characters, then it is matched literally', () => {
    const literal = new BannedPhrases(['100% (guaranteed)']);
    const rulesWithLiteral = { banned: literal, titles: new TitleRegistry() };
    expect(checkIdea(makePost({ caption: 'It is 100% (guaranteed) good.' }), rulesWithLiteral)).toHaveLength(
      1,
    );
    expect(checkIdea(makePost({ caption: 'It is 100 guaranteed good.' }), rulesWithLiteral)).toEqual([]);
  });
});

describe('duplicate titles', () => {
  it('when a title repeats one to avoid, ignoring case, accents and punctuation, then it is rejected', () => {
    const titles = new TitleRegistry(['The First Sip — at 7 a.m.!']);
    const violations = checkIdea(makePost({ title: 'the first sip at 7 a m' }), {
      banned: new BannedPhrases([]),
      titles,
    });
    expect(violations.map((v) => v.rule)).toEqual(['duplicate_title']);
    expect(normalizeTitle('Café Crème')).toBe(normalizeTitle('cafe creme'));
  });

  it('when a title was accepted earlier in the run, then a second idea with it is rejected', () => {
    const titles = new TitleRegistry();
    const rules = { banned: new BannedPhrases([]), titles };
    expect(checkIdea(makePost(), rules)).toEqual([]);
    titles.add(makePost().title);
    expect(checkIdea(makeReel({ title: makePost().title }), rules).map((v) => v.rule)).toEqual([
      'duplicate_title',
    ]);
  });
});
