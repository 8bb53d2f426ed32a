import { describe, expect, it } from 'vitest';
import { durationScale, filtersOf, formatDuration, formatRate, periodChoiceOf } from './approvals';

const now = new Date('2026-12-08T23:30:00Z');

describe('filtersOf', () => {
  it('when no period is chosen, then the last 30 UTC days, today included', () => {
    expect(filtersOf({}, now)).toEqual({ from: '2026-11-09', to: '2026-12-08' });
  });

  it('when 90 days and a client are chosen, then both reach the API', () => {
    expect(filtersOf({ period: '90', clientId: 'c1' }, now)).toEqual({
      from: '2026-09-10',
      to: '2026-12-08',
      clientId: 'c1',
    });
  });

  it('when a custom period has both days, then those; lacking one, the last 30 days', () => {
    expect(filtersOf({ period: 'custom', from: '2026-01-01', to: '2026-01-31' }, now)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(filtersOf({ period: 'custom', from: '2026-01-01' }, now)).toEqual({
      from: '2026-11-09',
      to: '2026-12-08',
    });
  });

  it('when the address names an unknown period, then it reads as 30 days', () => {
    expect(periodChoiceOf('7')).toBe('30');
    expect(periodChoiceOf('custom')).toBe('custom');
  });
});

describe('formatting', () => {
  it('when a time is short, then minutes; under two days, hours; else days', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(2.5 * 3600)).toBe('2.5 h');
    expect(formatDuration(72 * 3600)).toBe('3 d');
  });

  it('when a share is shown, then as a whole percentage, a dash for none', () => {
    expect(formatRate(2 / 3)).toBe('67%');
    expect(formatRate(null)).toBe('—');
  });

  it('when a chart draws times, then in minutes while the longest is under two hours, else in hours', () => {
    expect(durationScale(90 * 60).unit).toBe('min');
    expect(durationScale(90 * 60).of(180)).toBe(3);
    expect(durationScale(10 * 3600).unit).toBe('h');
    expect(durationScale(10 * 3600).of(9000)).toBe(2.5);
    expect(durationScale(0).of(null)).toBeNull();
  });
});
