import { GenerateIdeasRequest } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { buildAiRequest, type RunContext } from './generations.ai-request.ts';

const run: RunContext = {
  tenantId: '3f1c1a8e-2a53-4a5c-9a7e-0f6f0b7f3b11',
  generation: {
    requestedPosts: 3,
    requestedReels: 1,
    platforms: ['INSTAGRAM', 'TIKTOK'],
    instructions: null,
  },
  campaign: {
    id: '0f4b2ca5-6738-4933-8966-919d4e153a88',
    name: 'Slow Mornings',
    objective: 'Grow awareness of the oat latte',
    brief: 'Launch it in all twelve cafés.',
    keyMessages: ['Oats from farms within 50 miles'],
    themes: ['slow mornings'],
    toneOverride: null,
    startDate: new Date('2026-03-02T00:00:00Z'),
    endDate: null,
    status: 'ACTIVE',
    clientId: '6a1d3c0e-3f0b-4c51-9d7e-1b2c3d4e5f60',
    history: {
      examples: [
        {
          type: 'POST',
          platform: 'INSTAGRAM',
          title: 'Meet the farmer',
          hook: 'Every cup has a name on it.',
          caption: 'Every cup has a name on it. This is Ana.',
          callToAction: 'Visit a café',
          unchanged: true,
        },
      ],
      turnedDown: [{ title: 'Cheap coffee Mondays', reason: 'We never discount' }],
    },
    client: {
      name: 'Northwind Coffee',
      industry: 'Specialty coffee',
      website: null,
      brandVoice: 'Warm and wry',
      toneKeywords: ['warm'],
      targetAudience: 'Commuters',
      captionMaxChars: {},
      doList: ['Name the farm'],
      dontList: ['cheap'],
      defaultHashtags: ['#NorthwindCoffee'],
    },
  },
  existingTitles: ['Meet our baristas'],
  idea: null,
};

describe('buildAiRequest', () => {
  it('when a campaign run is built, then it is a valid AI service request with the brand, counts and titles to avoid', () => {
    const request = GenerateIdeasRequest.parse(buildAiRequest(run));
    expect(request).toMatchObject({
      campaign: { name: 'Slow Mornings', startDate: '2026-03-02', endDate: null },
      brand: { name: 'Northwind Coffee', dontList: ['cheap'] },
      counts: { posts: 3, reels: 1 },
      platforms: ['INSTAGRAM', 'TIKTOK'],
      avoidTitles: ['Meet our baristas'],
      instructions: null,
      examples: [expect.objectContaining({ title: 'Meet the farmer', unchanged: true })],
      turnedDown: [{ title: 'Cheap coffee Mondays', reason: 'We never discount' }],
    });
  });

  it('when one idea is regenerated, then the instructions name the idea it replaces before the agency own', () => {
    const request = buildAiRequest({
      ...run,
      generation: { ...run.generation, instructions: 'Make it shorter' },
      idea: { title: 'Meet our baristas' },
    });
    expect(request.instructions).toBe(
      'Write a fresh take that replaces the idea titled "Meet our baristas". Make it shorter',
    );
  });
});
