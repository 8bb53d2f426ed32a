import { describe, expect, it } from 'vitest';
import { parsedRequest } from '../test-support/factories.ts';
import { buildPromptContext, buildTaskContext, MAX_TITLES_IN_PROMPT } from './context-builder.ts';

describe('context builder', () => {
  it('when given a full request, then the context carries the brand, the campaign and the run', () => {
    const context = buildPromptContext(parsedRequest());
    expect(context.brand).toEqual({
      name: 'Northwind Coffee',
      industry: 'Specialty coffee',
      website: 'https://northwind.example',
      voice: 'Warm, plain-spoken and a little wry, like a barista who remembers your order.',
      audience: 'Commuters aged 25–40 who walk past our cafés on the way to work',
      toneKeywords: ['warm', 'wry', 'unhurried'],
      doList: ['Name the farm when we talk about ingredients', 'Write like we talk at the counter'],
      dontList: ['cheap', 'guaranteed', 'best coffee in town'],
      hashtags: ['#NorthwindCoffee', '#SlowMornings'],
      captionMaxChars: {},
    });
    expect(context.campaign).toMatchObject({
      name: 'Slow Mornings',
      themes: ['slow mornings', 'local farms', 'the first sip'],
      toneOverride: null,
      schedule: '2 March 2026 to 29 March 2026',
    });
    expect(context.platforms).toEqual([
      { id: 'INSTAGRAM', name: 'Instagram' },
      { id: 'TIKTOK', name: 'TikTok' },
      { id: 'LINKEDIN', name: 'LinkedIn' },
    ]);
    expect(context.counts).toEqual({ posts: 10, reels: 5 });
    expect(context.instructions).toBe('Lean into the morning commute; no discounts this month.');
    expect(context.avoidTitles).toEqual(['Meet our new barista team']);
  });

  it('when optional fields are missing or blank, then they are null so templates can leave them out', () => {
    const request = parsedRequest({ instructions: '   ' });
    request.brand.industry = undefined;
    request.brand.brandVoice = null;
    request.campaign.objective = '';
    request.campaign.startDate = null;
    request.campaign.endDate = '2026-04-30';
    const context = buildPromptContext(request);
    expect(context.brand.industry).toBeNull();
    expect(context.brand.voice).toBeNull();
    expect(context.campaign.objective).toBeNull();
    expect(context.instructions).toBeNull();
    expect(context.campaign.schedule).toBe('until 30 April 2026');
  });

  it('when ideas to avoid repeat or run long, then each appears once and only the latest are listed', () => {
    const titles = Array.from({ length: 80 }, (_, i) => `Idea number ${i}`);
    const context = buildPromptContext(
      parsedRequest({ avoidTitles: ['Idea number 0', 'IDEA NUMBER 0!', ...titles] }),
    );
    expect(context.avoidTitles).toHaveLength(MAX_TITLES_IN_PROMPT);
    expect(context.avoidTitles.at(-1)).toBe('Idea number 79');
    expect(context.avoidTitles).not.toContain('Idea number 0');
  });

  it("when a batch is built, then it lists its slots, each platform once with its limits, and the run's titles first", () => {
    const base = buildPromptContext(parsedRequest());
    const task = buildTaskContext(
      base,
      [
        { number: 4, platform: 'INSTAGRAM' },
        { number: 5, platform: 'X' },
        { number: 7, platform: 'INSTAGRAM' },
      ],
      { acceptedTitles: ['Oat latte, explained'], feedback: ['Idea 5 (X): too long.'] },
    );
    expect(task.batch.count).toBe(3);
    expect(task.batch.slots.map((slot) => slot.number)).toEqual([4, 5, 7]);
    expect(task.batch.platforms).toEqual([
      {
        id: 'INSTAGRAM',
        name: 'Instagram',
        limits: { captionMaxChars: 2200, maxHashtags: 30, reelMinSec: 5, reelMaxSec: 180 },
        brandCaptionMaxChars: null,
      },
      {
        id: 'X',
        name: 'X',
        limits: { captionMaxChars: 280, maxHashtags: null, reelMinSec: 5, reelMaxSec: 140 },
        brandCaptionMaxChars: null,
      },
    ]);
    expect(task.avoidTitles).toEqual(['Oat latte, explained', 'Meet our new barista team']);
    expect(task.feedback).toEqual(['Idea 5 (X): too long.']);
  });
});
