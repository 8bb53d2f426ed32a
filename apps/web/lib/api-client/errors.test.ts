import { RouteCallError } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { isAgencySuspended } from './errors';

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
