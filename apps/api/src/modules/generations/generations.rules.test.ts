import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import {
  estimateRunTokens,
  failureMessage,
  quotaPeriod,
  quotaShortfall,
  requestHash,
  resolveRunRequest,
} from './generations.rules.ts';

const campaign = { numPosts: 4, numReels: 2, platforms: ['INSTAGRAM' as const] };
const brand = { platforms: ['LINKEDIN' as const, 'X' as const] };

describe('resolveRunRequest', () => {
  it('when the body is empty, then counts and platforms come from the campaign', () => {
    expect(resolveRunRequest({}, campaign, brand)).toEqual({
      posts: 4,
      reels: 2,
      platforms: ['INSTAGRAM'],
      instructions: null,
    });
  });

  it('when the body sets a field, then it wins over the campaign, a zero included', () => {
    expect(
      resolveRunRequest(
        { numReels: 0, platforms: ['TIKTOK'], instructions: 'Short and warm' },
        campaign,
        brand,
      ),
    ).toEqual({ posts: 4, reels: 0, platforms: ['TIKTOK'], instructions: 'Short and warm' });
  });

  it('when the campaign names no platform, then the brand platforms are used', () => {
    expect(resolveRunRequest({}, { ...campaign, platforms: [] }, brand).platforms).toEqual(['LINKEDIN', 'X']);
  });

  it('when nothing is asked for, the campaign plans more than one run writes, or no platform is known, then 400 naming each field', () => {
    const problems = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return ((error as AppError).details as { path: string[] }[]).map((detail) => detail.path[0]);
      }
      return [];
    };
    expect(
      problems(() => resolveRunRequest({}, { numPosts: 0, numReels: 0, platforms: [] }, { platforms: [] })),
    ).toEqual(['numPosts', 'platforms']);
    expect(problems(() => resolveRunRequest({}, { ...campaign, numPosts: 45 }, brand))).toEqual(['numPosts']);
  });
});

describe('requestHash', () => {
  it('when the same request comes with its keys in another order, then the fingerprint is the same', () => {
    expect(requestHash('generate', 'c1', { numPosts: 2, platforms: ['X', 'TIKTOK'] })).toBe(
      requestHash('generate', 'c1', { platforms: ['X', 'TIKTOK'], numPosts: 2 }),
    );
  });

  it('when the body, the target, the route or the order of a list differs, then the fingerprint differs', () => {
    const base = requestHash('generate', 'c1', { numPosts: 2, platforms: ['X', 'TIKTOK'] });
    expect(requestHash('generate', 'c1', { numPosts: 3, platforms: ['X', 'TIKTOK'] })).not.toBe(base);
    expect(requestHash('generate', 'c2', { numPosts: 2, platforms: ['X', 'TIKTOK'] })).not.toBe(base);
    expect(requestHash('regenerate', 'c1', { numPosts: 2, platforms: ['X', 'TIKTOK'] })).not.toBe(base);
    expect(requestHash('generate', 'c1', { numPosts: 2, platforms: ['TIKTOK', 'X'] })).not.toBe(base);
  });
});

describe('quota', () => {
  const now = new Date('2026-11-25T23:00:00Z');
  const input = { monthlyTokenQuota: 10_000, tokensUsed: 6_000, tokensReserved: 0, now };

  it('when used plus the budget fits exactly, then the run is allowed', () => {
    expect(quotaShortfall({ ...input, tokensRequested: 4_000 })).toBeNull();
  });

  it('when it does not fit, then the refusal carries the figures and when the quota resets', () => {
    expect(quotaShortfall({ ...input, tokensRequested: 4_001 })).toEqual({
      monthlyTokenQuota: 10_000,
      tokensUsed: 6_000,
      tokensReserved: 0,
      tokensRequested: 4_001,
      periodStart: '2026-11-01T00:00:00.000Z',
      resetsAt: '2026-12-01T00:00:00.000Z',
    });
  });

  it('when runs are still in flight, then their budgets count too', () => {
    expect(quotaShortfall({ ...input, tokensReserved: 2_000, tokensRequested: 2_000 })).toBeNull();
    expect(quotaShortfall({ ...input, tokensReserved: 2_000, tokensRequested: 2_001 })?.tokensReserved).toBe(
      2_000,
    );
  });

  it('when a run is estimated, then each batch of five counts its prompt and output cap twice (an answer and a follow-up)', () => {
    // Five posts, a 4,000-character context: 2 × (1,800 + 1,000 + 5 × 1,200 + 200).
    expect(estimateRunTokens({ posts: 5, reels: 0, promptChars: 4_000 })).toBe(18_000);
    // Six posts are two batches: five, then one.
    expect(estimateRunTokens({ posts: 6, reels: 0, promptChars: 4_000 })).toBe(18_000 + 2 * (2_800 + 1_400));
    // A reel writes more: 2 × (2,800 + 2,000 + 200).
    expect(estimateRunTokens({ posts: 0, reels: 1, promptChars: 4_000 })).toBe(10_000);
  });

  it('when the month is December, then the period ends on the first of January (UTC)', () => {
    expect(quotaPeriod(new Date('2026-12-31T23:59:59Z'))).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
  });
});

describe('failureMessage', () => {
  it('when a run failed, then the agency reads a sentence without technical detail', () => {
    expect(failureMessage('llm_rate_limited')).toMatch(/^The AI provider .+\.$/);
    expect(failureMessage('internal')).not.toMatch(/stack|Error|HTTP/);
  });
});
