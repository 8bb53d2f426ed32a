import { describe, expect, it } from 'vitest';
import { type BrandCheckIdea, checkBrand, openWarnings, RECOMMENDED_MAX_HASHTAGS } from './brand-check.ts';

function post(overrides: Partial<BrandCheckIdea> = {}): BrandCheckIdea {
  return {
    type: 'POST',
    platform: 'INSTAGRAM',
    title: 'Morning ritual',
    hook: 'Your first cup sets the day.',
    caption: 'Slow down and taste the origin.',
    hashtags: ['#AcmeCoffee'],
    callToAction: 'Visit us this weekend',
    visualDirection: 'Steam over a ceramic cup',
    durationSec: null,
    beats: null,
    audioSuggestion: null,
    ...overrides,
  };
}

const brand = { dontList: ['cheap', 'instant coffee', 'easy'] };
const campaign = { objective: 'More weekend visits' };
const check = (idea: BrandCheckIdea, dontList = brand.dontList, objective = campaign.objective) =>
  checkBrand(idea, { dontList, captionMaxChars: {} }, { objective });
const matches = (idea: BrandCheckIdea, rule: string) =>
  check(idea)
    .filter((finding) => finding.rule === rule)
    .map(({ field, match }) => `${field}: ${match}`);

describe('brand check', () => {
  describe('caption length learned from review', () => {
    const limited = (caption: string, platform: 'INSTAGRAM' | 'TIKTOK' = 'INSTAGRAM') =>
      checkBrand(post({ caption, platform }), { dontList: [], captionMaxChars: { INSTAGRAM: 40 } }, campaign)
        .filter((finding) => finding.rule === 'brand_length')
        .map(({ match, message }) => ({ match, message }));

    it('when a caption runs past the brand’s limit for its platform, then the part past it is a warning', () => {
      expect(limited('Fresh bread every morning, warm from the oven.')).toEqual([
        {
          match: ' oven.',
          message: 'The caption runs to 46 characters; the brand keeps Instagram captions to 40.',
        },
      ]);
    });

    it('when the caption fits, or the platform has no limit, then there is no finding', () => {
      expect(limited('Fresh bread every morning.')).toEqual([]);
      expect(limited('Fresh bread every morning, warm from the oven.', 'TIKTOK')).toEqual([]);
    });
  });

  it('when an idea breaks no rule, then it has no findings', () => {
    expect(check(post())).toEqual([]);
  });

  describe("brand don'ts", () => {
    it('when a don’t appears in any case as a whole word, then each is a warning quoting the text', () => {
      const findings = check(post({ title: 'Not CHEAP', caption: 'Cheap beans? Never.' }));
      expect(findings).toEqual([
        expect.objectContaining({ rule: 'brand_dont', severity: 'warning', field: 'title', match: 'CHEAP' }),
        expect.objectContaining({
          rule: 'brand_dont',
          severity: 'warning',
          field: 'caption',
          match: 'Cheap',
        }),
      ]);
      expect(findings[0]?.message).toContain('cheap');
    });

    it('when a don’t is inflected, then cheaper, cheapest, cheaply, easier and easily are found', () => {
      expect(
        matches(
          post({ caption: 'Cheaper than ever, the cheapest cup, priced cheaply; easier and easily made.' }),
          'brand_dont',
        ),
      ).toEqual([
        'caption: Cheaper',
        'caption: cheapest',
        'caption: cheaply',
        'caption: easier',
        'caption: easily',
      ]);
    });

    it('when a don’t becomes an adjective or doubles its last letter, then guilty and bigger are found', () => {
      const findings = checkBrand(
        post({ caption: 'No guilty pleasures, only bigger cups.' }),
        { dontList: ['guilt', 'big'], captionMaxChars: {} },
        campaign,
      );
      expect(findings.map(({ match }) => match)).toEqual(['guilty', 'bigger']);
    });

    it('when a word only contains a don’t, then it is not found', () => {
      expect(matches(post({ caption: 'Cheapside market, uneasy mornings, cheaps' }), 'brand_dont')).toEqual([
        'caption: cheaps',
      ]);
    });

    it('when a don’t of several words is spaced or hyphenated, then it is found', () => {
      expect(
        matches(post({ hook: 'No instant-coffee here, no INSTANT   coffee ever' }), 'brand_dont'),
      ).toEqual(['hook: instant-coffee', 'hook: INSTANT   coffee']);
    });

    it('when a don’t is a hashtag, on its own, in camel case or run together, then the hashtag is found', () => {
      const idea = post({ hashtags: ['#cheap', '#CheapEats', '#cheapeats', '#InstantCoffee', '#Coffee'] });
      expect(matches(idea, 'brand_dont')).toEqual([
        'hashtags: #cheap',
        'hashtags: #CheapEats',
        'hashtags: #cheapeats',
        'hashtags: #InstantCoffee',
      ]);
    });

    it('when a caption carries a don’t as a hashtag, then the hashtag is found once', () => {
      expect(matches(post({ caption: 'Weekend deals #CheapEats' }), 'brand_dont')).toEqual([
        'caption: #CheapEats',
      ]);
    });

    it('when a reel’s beats say a don’t, then the beats are named', () => {
      const reel = post({
        type: 'REEL',
        durationSec: 20,
        beats: [{ startSec: 0, shot: 'Pour', voiceover: 'Cheap? Not us.', onScreenText: '' }],
        visualDirection: null,
      });
      expect(matches(reel, 'brand_dont')).toEqual(['beats: Cheap']);
    });
  });

  describe('claims that need proof', () => {
    it.each([
      ['The best beans in town', 'best'],
      ['We are #1 in the city', '#1'],
      ['Number one roaster', 'Number one'],
      ['Freshness guaranteed', 'guaranteed'],
      ['A cure for Mondays', 'cure'],
      ['Clinically proven focus', 'Clinically proven'],
      ['Only $4.50 a cup', '$4.50'],
      ['Two cups for 5 euros', '5 euros'],
      ['Now 20% off', '20%'],
      ['Save 15 percent today', '15 percent'],
    ])('when the caption says “%s”, then “%s” is a warning', (caption, match) => {
      expect(check(post({ caption }))).toEqual([
        expect.objectContaining({ rule: 'claim', severity: 'warning', field: 'caption', match }),
      ]);
    });

    it('when words only contain a claim, then nothing is found', () => {
      expect(
        matches(post({ caption: 'Bestow a secure, curious cup; #12 on the menu; bestseller' }), 'claim'),
      ).toEqual([]);
    });
  });

  describe('platform limits', () => {
    it('when the caption and hashtags run past X’s weighted limit, then the overflow is quoted', () => {
      const caption = 'a'.repeat(270);
      const [finding] = check(post({ platform: 'X', caption, hashtags: ['#AcmeCoffee'] }));
      expect(finding).toMatchObject({ rule: 'platform_limit', severity: 'warning', field: 'caption' });
      expect(finding?.message).toContain('283 characters; X allows 280');
      expect(finding?.match).toBe('fee');
    });

    it('when a post has more hashtags than the platform allows, then the extra ones are a warning', () => {
      const hashtags = Array.from({ length: 16 }, (_, i) => `#tag${i + 1}`);
      expect(check(post({ platform: 'YOUTUBE', hashtags }))).toEqual([
        expect.objectContaining({
          rule: 'platform_limit',
          field: 'hashtags',
          match: '#tag16',
          severity: 'warning',
        }),
      ]);
    });

    it('when a reel runs longer than the platform takes, then the duration is a warning', () => {
      const reel = post({
        type: 'REEL',
        platform: 'FACEBOOK',
        durationSec: 120,
        beats: [{ startSec: 0, shot: 'Pour', voiceover: '', onScreenText: '' }],
      });
      expect(check(reel)).toEqual([
        expect.objectContaining({ rule: 'platform_limit', field: 'durationSec', match: '120' }),
      ]);
    });
  });

  describe('too many hashtags', () => {
    it('when a post has more hashtags than read well but within the platform’s limit, then it is a note', () => {
      const hashtags = Array.from({ length: RECOMMENDED_MAX_HASHTAGS + 1 }, (_, i) => `#tag${i + 1}`);
      const findings = check(post({ hashtags }));
      expect(findings).toEqual([
        expect.objectContaining({ rule: 'too_many_hashtags', severity: 'note', match: '#tag6' }),
      ]);
      expect(openWarnings(findings)).toEqual([]);
    });

    it('when the caption repeats a hashtag in another case, then it counts once', () => {
      const hashtags = Array.from({ length: RECOMMENDED_MAX_HASHTAGS }, (_, i) => `#tag${i + 1}`);
      expect(check(post({ caption: 'See #TAG1', hashtags }))).toEqual([]);
    });
  });

  describe('call to action', () => {
    it('when the campaign has an objective and the idea asks nothing, then it is a warning', () => {
      expect(check(post({ callToAction: '' }))).toEqual([
        expect.objectContaining({
          rule: 'missing_call_to_action',
          severity: 'warning',
          field: 'callToAction',
        }),
      ]);
    });

    it('when the campaign has no objective, then a missing call to action is fine', () => {
      expect(check(post({ callToAction: '' }), brand.dontList, '  ')).toEqual([]);
    });
  });
});
