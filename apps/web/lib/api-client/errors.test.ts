import { RouteCallError } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { brandCheckHoldsOf, isAgencySuspended } from './errors';

const forbidden = (reason: string) =>
  new RouteCallError(403, 'forbidden', 'Refused', { details: [{ reason }] });

describe('a suspended agency', () => {
  it('is recognised by the reason the API gives for its refusal', () => {
    expect(isAgencySuspended(forbidden('tenant_suspended'))).toBe(true);
  });

  it('is not any other refusal', () => {
    expect(isAgencySuspended(forbidden('user_disabled'))).toBe(false);
    expect(isAgencySuspended(new RouteCallError(403, 'forbidden', 'Not for your role'))).toBe(false);
    expect(isAgencySuspended(new Error('tenant_suspended'))).toBe(false);
  });
});

describe('a sending held back by the brand check', () => {
  const hold = {
    ideaId: '6f1c2b8e-3d4a-4c5b-9e7f-0a1b2c3d4e5f',
    title: 'Morning ritual',
    findings: [
      { rule: 'claim', severity: 'warning', field: 'caption', match: 'best', message: 'Needs proof.' },
    ],
  };

  it('gives the ideas and their findings from the refusal', () => {
    const error = new RouteCallError(409, 'brand_check_open', 'Open warnings', { details: [hold] });
    expect(brandCheckHoldsOf(error)).toEqual([hold]);
  });

  it('is not any other conflict, nor a refusal whose details it cannot read', () => {
    expect(brandCheckHoldsOf(new RouteCallError(409, 'version_conflict', 'Changed'))).toBeNull();
    const unreadable = new RouteCallError(409, 'brand_check_open', 'Open', { details: [{ ideaId: 'x' }] });
    expect(brandCheckHoldsOf(unreadable)).toBeNull();
  });
});
