import { describe, expect, it } from 'vitest';
import { readPrompt } from './prompt-reader.ts';

const PROMPT = `# Brand
Brand: Northwind Coffee
Brand hashtags: #NorthwindCoffee #SlowMornings

Never use these words or phrases, in any form, hashtags included:
- cheap
- best coffee in town

# Campaign
Campaign: Slow Mornings
Objective: Grow awareness of the oat latte

Key messages:
- Made with oats from local farms

Themes:
- slow mornings
- the first sip

Write 2 post ideas:

Idea 4 — platform: INSTAGRAM
Idea 5 — platform: X

Caption length for INSTAGRAM: at most 220 characters, hashtags not counted. The client asked for it: write to it, counting the hook.

These ideas already exist. Do not repeat them:
- Myth vs fact: slow mornings
`;

describe('prompt reader', () => {
  it("when the prompt uses Muse's labels, then brand, campaign, lists and slots are read", () => {
    expect(readPrompt(PROMPT)).toEqual({
      brand: 'Northwind Coffee',
      campaign: 'Slow Mornings',
      objective: 'Grow awareness of the oat latte',
      themes: ['slow mornings', 'the first sip'],
      keyMessages: ['Made with oats from local farms'],
      dontList: ['cheap', 'best coffee in town'],
      brandHashtags: ['#NorthwindCoffee', '#SlowMornings'],
      avoidTitles: ['Myth vs fact: slow mornings'],
      slots: [
        { number: 4, platform: 'INSTAGRAM' },
        { number: 5, platform: 'X' },
      ],
      captionMaxChars: { INSTAGRAM: 220 },
    });
  });

  it('when the prompt lists ideas the client turned down, then their titles are avoided too, without the reasons', () => {
    const prompt = `${PROMPT}
The client turned down these ideas lately. Steer clear of what they tried and of the reasons given:
- Cheap coffee Mondays — the client said: we never discount
- Latte art fails
`;
    expect(readPrompt(prompt).avoidTitles).toEqual([
      'Myth vs fact: slow mornings',
      'Cheap coffee Mondays',
      'Latte art fails',
    ]);
  });

  it("when a Muse prompt has no themes, then the campaign's own words stand in, not the instructions' nor the brand's", () => {
    const withoutThemes = `# Brand
Brand: Luna Bakery
Industry: Neighbourhood bakery

# Campaign
Campaign: Spring sourdough
Objective: Fill the Saturday sourdough class

Brief:
A hands-on sourdough class on Saturday mornings, starter included.

Key messages:
- Bake your first loaf with us

For every idea, write:
- caption: the complete post text, in the brand's voice. Leave the hashtags out of the caption.
- hashtags: the hashtags to publish with it. Use the brand's own hashtags; caption and hashtags count.
`;
    const { themes } = readPrompt(withoutThemes);
    expect(themes[0]).toBe('sourdough');
    expect(themes).toEqual(expect.arrayContaining(['class', 'saturday']));
    for (const word of ['caption', 'hashtags', 'luna']) expect(themes).not.toContain(word);
  });

  it('when the prompt is free text, then its most frequent words stand in for themes', () => {
    const brief = readPrompt(
      'Ideas about sourdough baking. Sourdough starters, sourdough loaves, baking at home.',
    );
    expect(brief.brand).toBe('our brand');
    expect(brief.themes.slice(0, 2)).toEqual(['sourdough', 'baking']);
    expect(brief.slots).toEqual([]);
  });
});
