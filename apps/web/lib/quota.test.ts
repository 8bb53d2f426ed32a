import { RouteCallError } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { describeError } from '@/lib/api-client/errors';
import { generationBlocked, nextQuotaMonth } from './quota';

const refusal = (figures: { monthlyTokenQuota: number; tokensUsed: number; tokensReserved: number }) =>
  new RouteCallError(429, 'quota_exceeded', 'This run would exceed the quota', {
    details: [
      {
        ...figures,
        tokensRequested: 12_400,
        periodStart: '2026-12-01T00:00:00.000Z',
        resetsAt: '2027-01-01T00:00:00.000Z',
      },
    ],
  });

describe('the monthly token quota', () => {
  it('turns on the first day of the next month, in UTC', () => {
    expect(nextQuotaMonth(new Date('2026-12-31T23:59:00Z'))).toBe('2027-01-01T00:00:00.000Z');
    expect(nextQuotaMonth(new Date('2026-02-01T00:00:00Z'))).toBe('2026-03-01T00:00:00.000Z');
  });

  it('blocks generation once the month’s tokens reach the quota, a quota of 0 included', () => {
    expect(generationBlocked(999, 1_000)).toBe(false);
    expect(generationBlocked(1_000, 1_000)).toBe(true);
    expect(generationBlocked(0, 0)).toBe(true);
  });

  it('says a refused run is blocked until the quota is raised or the month turns', () => {
    expect(describeError(refusal({ monthlyTokenQuota: 1_000, tokensUsed: 1_200, tokensReserved: 0 }))).toBe(
      'Your agency has used its monthly token quota. Generation is blocked until the quota is raised or the month turns on Jan 1, 2027.',
    );
  });

  it('says a run too big for what is left can be made smaller', () => {
    expect(
      describeError(refusal({ monthlyTokenQuota: 10_000, tokensUsed: 2_000, tokensReserved: 3_000 })),
    ).toBe(
      'This run needs about 12,400 tokens and 5,000 are left this month. Ask for fewer ideas, or for a higher quota.',
    );
  });

  it('falls back to the API’s own words when the figures are missing', () => {
    expect(describeError(new RouteCallError(429, 'quota_exceeded', 'Over quota'))).toBe('Over quota');
  });
});
