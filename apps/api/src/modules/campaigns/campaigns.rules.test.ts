import { describe, expect, it } from 'vitest';
import { type CampaignPlan, checkCampaignPlan } from './campaigns.rules.ts';

const plan = (overrides: Partial<CampaignPlan> = {}): CampaignPlan => ({
  platforms: ['INSTAGRAM'],
  startDate: '2026-10-01',
  endDate: '2026-10-31',
  numPosts: 2,
  numReels: 0,
  ...overrides,
});

describe('campaign rules', () => {
  it('when the plan keeps the rules, then it passes; a one-day campaign is fine', () => {
    expect(() =>
      checkCampaignPlan(plan({ endDate: '2026-10-01' }), { platforms: ['INSTAGRAM', 'X'] }),
    ).not.toThrow();
  });

  it('when several rules break, then one invalid_input lists each field', () => {
    expect(() =>
      checkCampaignPlan(plan({ endDate: '2026-09-30', numPosts: 0, platforms: ['INSTAGRAM', 'TIKTOK'] }), {
        platforms: ['INSTAGRAM'],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        details: [
          expect.objectContaining({ path: ['endDate'] }),
          expect.objectContaining({ path: ['numPosts'] }),
          expect.objectContaining({ path: ['platforms'], message: expect.stringContaining('TIKTOK') }),
        ],
      }),
    );
  });

  it('when either date is open, then the order of dates is not checked', () => {
    expect(() =>
      checkCampaignPlan(plan({ startDate: null, endDate: '2000-01-01' }), { platforms: ['INSTAGRAM'] }),
    ).not.toThrow();
  });
});
