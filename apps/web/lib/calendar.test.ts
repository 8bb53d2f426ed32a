import { describe, expect, it } from 'vitest';
import {
  addDays,
  campaignMarks,
  dayName,
  runsOn,
  shiftAnchor,
  viewTitle,
  visibleDays,
  weekStart,
} from './calendar';

const campaign = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Spring Menu',
  clientId: '00000000-0000-4000-8000-000000000002',
  clientName: 'Acme Coffee',
  startDate: '2027-03-01',
  endDate: '2027-03-31',
  reviewBy: '2027-03-05',
};

describe('calendar days', () => {
  it('when a month is shown, then its grid is the whole weeks from the Monday before the 1st', () => {
    const days = visibleDays('month', '2026-12-08');
    expect(days[0]).toBe('2026-11-30');
    expect(days.at(-1)).toBe('2027-01-03');
    expect(days).toHaveLength(35);
    // February 2027 starts on a Monday and fills exactly four weeks.
    expect(visibleDays('month', '2027-02-14')).toHaveLength(28);
  });

  it('when a week is shown, then it runs Monday to Sunday, across a year’s end', () => {
    expect(visibleDays('week', '2027-01-01')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(weekStart('2026-12-13')).toBe('2026-12-07');
  });

  it('when the view steps, then a month goes to the 1st of the next or previous month and a week by seven days', () => {
    expect(shiftAnchor('month', '2027-01-31', 1)).toBe('2027-02-01');
    expect(shiftAnchor('month', '2027-01-31', -1)).toBe('2026-12-01');
    expect(shiftAnchor('week', '2026-12-29', 1)).toBe('2027-01-05');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('when a day is named, then it is the date in words whatever the time zone', () => {
    expect(dayName('2026-12-15')).toBe('Tuesday 15 December 2026');
    expect(viewTitle('month', '2026-12-15')).toBe('December 2026');
    expect(viewTitle('week', '2026-12-15')).toBe('14 Dec – 20 Dec 2026');
  });

  it('when a day is a campaign’s first, last or review-by day, then it is marked so; days between lie in its run', () => {
    expect(campaignMarks('2027-03-01', [campaign]).map((mark) => mark.kind)).toEqual(['starts']);
    expect(campaignMarks('2027-03-05', [campaign]).map((mark) => mark.kind)).toEqual(['review']);
    expect(campaignMarks('2027-03-31', [campaign]).map((mark) => mark.kind)).toEqual(['ends']);
    expect(campaignMarks('2027-03-10', [campaign])).toEqual([]);
    expect(runsOn('2027-03-10', campaign)).toBe(true);
    expect(runsOn('2027-04-01', campaign)).toBe(false);
    expect(runsOn('2027-03-10', { ...campaign, startDate: null })).toBe(false);
  });
});
