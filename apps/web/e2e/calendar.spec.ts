import { expect, type Page, test } from '@playwright/test';
import { dayName, today } from '../lib/calendar';
import { axeViolations } from './support/axe';
import { PHONE, shot, signedIn } from './support/helpers';

/** The seeded approved idea that has no day yet: it waits in the side list. */
const IDEA = 'Meet the Los Naranjos cooperative';
const month = today().slice(0, 7);
const FIRST_DAY = `${month}-10`;
const SECOND_DAY = `${month}-20`;

test.describe.configure({ mode: 'serial' });

const day = (page: Page, value: string) => page.getByRole('region', { name: dayName(value) });
const tileOf = (scope: ReturnType<Page['getByRole']> | Page) =>
  scope.getByTestId('calendar-idea').filter({ hasText: IDEA });

test('when a member drags an approved idea onto a day and then to another, then each change is saved and shows after a reload', async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, 'member@northwind.test');
  await page.getByRole('link', { name: 'Calendar' }).first().click();
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  const toSchedule = page.getByRole('region', { name: 'To schedule' });
  await expect(tileOf(toSchedule)).toBeVisible();

  await tileOf(toSchedule).dragTo(day(page, FIRST_DAY));
  // Optimistic: the tile is on its day before the answer; the toast says it was saved.
  await expect(tileOf(day(page, FIRST_DAY))).toBeVisible();
  await expect(page.getByText(`“${IDEA}” moved to ${dayName(FIRST_DAY)}`)).toBeVisible();
  await page.reload();
  await expect(tileOf(day(page, FIRST_DAY))).toBeVisible();
  await expect(tileOf(toSchedule)).toHaveCount(0);

  // A second drag of the same tile goes at the version the first one made: no conflict.
  await tileOf(day(page, FIRST_DAY)).dragTo(day(page, SECOND_DAY));
  await expect(tileOf(day(page, SECOND_DAY))).toBeVisible();
  await expect(page.getByText(`“${IDEA}” moved to ${dayName(SECOND_DAY)}`)).toBeVisible();
  await page.reload();
  await expect(tileOf(day(page, SECOND_DAY))).toBeVisible();
  await expect(tileOf(day(page, FIRST_DAY))).toHaveCount(0);

  // Without dragging (a keyboard, a touch screen): the tile's own control sets the day.
  const THIRD_DAY = `${month}-15`;
  await tileOf(day(page, SECOND_DAY))
    .getByRole('button', { name: `Set the day of “${IDEA}”` })
    .click();
  await page.getByRole('dialog').getByLabel('Day').fill(THIRD_DAY);
  await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
  await expect(page.getByText(`“${IDEA}” moved to ${dayName(THIRD_DAY)}`)).toBeVisible();
  await page.reload();
  await expect(tileOf(day(page, THIRD_DAY))).toBeVisible();
  await tileOf(day(page, THIRD_DAY)).dragTo(day(page, SECOND_DAY));
  await expect(page.getByText(`“${IDEA}” moved to ${dayName(SECOND_DAY)}`)).toBeVisible();

  expect(await axeViolations(page, 'agency calendar, month')).toEqual([]);
  await shot(page, 'calendar-month');

  await page.getByText('Week', { exact: true }).click();
  await expect(page).toHaveURL(/view=week/);
  // The week of the idea's day, as its address names it.
  await page.goto(`/app/calendar?view=week&date=${SECOND_DAY}`);
  await expect(tileOf(day(page, SECOND_DAY))).toBeVisible();
  expect(await axeViolations(page, 'agency calendar, week')).toEqual([]);
  await shot(page, 'calendar-week');

  // The subscription address serves the same idea to a calendar app, without a session.
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await page.getByRole('button', { name: 'Make an address' }).click();
  const address = await page.getByTestId('calendar-feed-url').inputValue();
  expect(await axeViolations(page, 'calendar subscription')).toEqual([]);
  await shot(page, 'calendar-subscribe');
  const feed = await (await browser.newContext()).request.get(address);
  expect(feed.status()).toBe(200);
  const ics = await feed.text();
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain(`DTSTART;VALUE=DATE:${SECOND_DAY.replaceAll('-', '')}`);
  await context.close();
});

test('when the client opens its calendar on a phone, then the agenda shows its approved idea on its day', async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, 'client@acme-coffee.test', { viewport: PHONE });
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Your calendar', level: 1 })).toBeVisible();
  const agenda = page.getByRole('list', { name: 'Agenda' });
  await expect(agenda.getByRole('heading', { name: dayName(SECOND_DAY) })).toBeVisible();
  await expect(tileOf(agenda)).toBeVisible();
  // Nothing on the phone is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page, 'portal calendar, phone')).toEqual([]);
  await shot(page, 'calendar-portal-phone');
  await context.close();
});
