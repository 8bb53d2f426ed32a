import type { Campaign } from '@muse/contracts';
import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { type GenerateDraft, generateBodyOf, generateDraftOf, generateResolver } from './generate-request';

const draft: GenerateDraft = {
  numPosts: '4',
  numReels: '1',
  platforms: ['INSTAGRAM', 'LINKEDIN'],
  instructions: '',
};

const check = (values: GenerateDraft) =>
  generateResolver(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  } as ResolverOptions<GenerateDraft>);

const campaignWith = (plan: Pick<Campaign, 'numPosts' | 'numReels' | 'platforms'>) =>
  ({ id: 'c1', name: 'Autumn', ...plan }) as Campaign;

describe('the generate dialog’s draft', () => {
  it('starts from the campaign’s plan, capped at 30 a run, with 3 posts when the plan has none', () => {
    expect(generateDraftOf(campaignWith({ numPosts: 45, numReels: 2, platforms: ['TIKTOK'] }))).toEqual({
      numPosts: '30',
      numReels: '2',
      platforms: ['TIKTOK'],
      instructions: '',
    });
    expect(generateDraftOf(campaignWith({ numPosts: 0, numReels: 0, platforms: [] })).numPosts).toBe('3');
  });

  it('leaves out empty instructions and turns an empty count into no number', () => {
    expect(generateBodyOf({ ...draft, numReels: ' ', instructions: '  \n' })).toEqual({
      numPosts: 4,
      numReels: Number.NaN,
      platforms: ['INSTAGRAM', 'LINKEDIN'],
    });
    expect(generateBodyOf({ ...draft, instructions: ' Saturday cuppings ' }).instructions).toBe(
      ' Saturday cuppings ',
    );
  });
});

describe('checking the generate dialog with the contract', () => {
  it('hands over the body of a valid run, instructions trimmed', async () => {
    expect(await check({ ...draft, instructions: ' lean into the cuppings ' })).toEqual({
      values: {
        numPosts: 4,
        numReels: 1,
        platforms: ['INSTAGRAM', 'LINKEDIN'],
        instructions: 'lean into the cuppings',
      },
      errors: {},
    });
  });

  it('answers a count out of range, empty or fractional with the range', async () => {
    const refused = await check({ ...draft, numPosts: '31', numReels: '1.5' });
    expect(refused.values).toEqual({});
    expect(refused.errors).toEqual({
      numPosts: { type: 'validate', message: 'Ask for 0 to 30 posts' },
      numReels: { type: 'validate', message: 'Ask for 0 to 30 reels' },
    });
    expect((await check({ ...draft, numReels: '' })).errors).toEqual({
      numReels: { type: 'validate', message: 'Ask for 0 to 30 reels' },
    });
    expect((await check({ ...draft, numPosts: '-1' })).errors).toHaveProperty(
      'numPosts.message',
      'Ask for 0 to 30 posts',
    );
  });

  it('refuses a run of nothing for the whole form, and a run without a platform on the picker', async () => {
    expect((await check({ ...draft, numPosts: '0', numReels: '0' })).errors).toEqual({
      root: { form: { type: 'validate', message: 'Ask for at least one post or reel' } },
    });
    expect((await check({ ...draft, platforms: [] })).errors).toEqual({
      platforms: { type: 'validate', message: 'Choose at least one platform' },
    });
  });
});
