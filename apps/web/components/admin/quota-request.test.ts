import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { type QuotaDraft, quotaBodyOf, quotaResolver } from './quota-request';

const check = (monthlyTokenQuota: string) =>
  quotaResolver({ monthlyTokenQuota }, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  } as ResolverOptions<QuotaDraft>);

const messageOf = async (typed: string) => (await check(typed)).errors.monthlyTokenQuota?.message;

describe('the quota dialog', () => {
  it('sends the typed quota as a number, and an empty one as no number', () => {
    expect(quotaBodyOf({ monthlyTokenQuota: ' 2500000 ' })).toEqual({ monthlyTokenQuota: 2_500_000 });
    expect(quotaBodyOf({ monthlyTokenQuota: '' }).monthlyTokenQuota).toBeNaN();
  });

  it('hands over a quota the contract accepts, 0 included', async () => {
    expect(await check('0')).toEqual({ values: { monthlyTokenQuota: 0 }, errors: {} });
    expect(await check('1000000000')).toEqual({ values: { monthlyTokenQuota: 1_000_000_000 }, errors: {} });
  });

  it('refuses what is not a whole number of tokens within the range, in plain words', async () => {
    expect(await messageOf('')).toBe('Enter a whole number');
    expect(await messageOf('1.5')).toBe('Enter a whole number');
    expect(await messageOf('-1')).toBe('At least 0');
    expect(await messageOf('1000000001')).toBe('At most 1,000,000,000');
  });
});
