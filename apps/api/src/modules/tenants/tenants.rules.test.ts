import { describe, expect, it } from 'vitest';
import { monthStart, slugFrom } from './tenants.rules.ts';

describe('tenant rules', () => {
  it('when a slug is derived from a name, then it is lower-case ASCII words joined by single hyphens', () => {
    expect(slugFrom('Northwind Social!')).toBe('northwind-social');
    expect(slugFrom('  Élan Créatif & Co. ')).toBe('elan-creatif-co');
    expect(slugFrom('A'.repeat(80))).toHaveLength(40);
  });

  it('when the name has too few usable characters, then the slug is still valid', () => {
    expect(slugFrom('Zo')).toBe('agency-zo');
    expect(slugFrom('日本')).toMatch(/^agency-[0-9a-f]{6}$/);
  });

  it('when usage is counted, then the period starts on the first of the month in UTC', () => {
    expect(monthStart(new Date('2026-03-31T23:30:00-05:00')).toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(monthStart(new Date('2026-01-15T12:00:00Z')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
