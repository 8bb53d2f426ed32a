import { expect, type Page, test } from '@playwright/test';
import { type AxeFinding, axeViolations } from './support/axe';
import { newCampaign, PHONE, SEEDED_CAMPAIGN, signedIn } from './support/helpers';

const DESKTOP = { width: 1440, height: 900 };
const OWNER = 'owner@northwind.test';
const DRAWER_TABS = ['Details', 'Comments', 'History', 'Activity'] as const;

/** The board of the seeded campaign, and its idea drawer on each of its tabs. */
async function boardAndDrawer(page: Page, viewport: string): Promise<AxeFinding[]> {
  const found: AxeFinding[] = [];
  // Followed rather than clicked through the menu: on a phone the navigation is folded away.
  await page.goto('/app/campaigns');
  await page.getByRole('link', { name: SEEDED_CAMPAIGN }).first().click();
  const cards = page.getByTestId('idea-card');
  await expect(cards.first()).toBeVisible();
  found.push(...(await axeViolations(page, `board, ${viewport}`)));

  await cards.first().getByRole('button').last().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  for (const name of DRAWER_TABS) {
    const tab = drawer.getByRole('tab', { name });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    found.push(...(await axeViolations(page, `drawer ${name}, ${viewport}`)));
  }
  return found;
}

test('when axe checks every agency screen on a desktop, then it finds no violations', async ({ browser }) => {
  test.setTimeout(240_000);
  const { page, context } = await signedIn(browser, OWNER, { viewport: DESKTOP });
  const found: AxeFinding[] = [];

  await expect(page.getByRole('heading', { level: 1, name: /Welcome back/ })).toBeVisible();
  found.push(...(await axeViolations(page, 'dashboard')));

  found.push(...(await boardAndDrawer(page, 'desktop')));

  await page.goto('/app/clients');
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  const client = page
    .getByRole('main')
    .getByRole('link', { name: /Acme Coffee/ })
    .first();
  await expect(client).toBeVisible();
  found.push(...(await axeViolations(page, 'clients')));
  await client.click();
  await expect(page.getByRole('heading', { level: 1, name: /Acme Coffee/ })).toBeVisible();
  found.push(...(await axeViolations(page, 'client brand')));

  await page.goto('/app/campaigns/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New campaign' })).toBeVisible();
  await expect(page.getByLabel('Client')).toBeEnabled();
  found.push(...(await axeViolations(page, 'new campaign')));
  await newCampaign(page, {
    client: 'Acme Coffee',
    name: `Iced latte week ${Date.now().toString(36)}`,
    brief: 'Five iced drinks to make with our espresso blend.',
    posts: 2,
  });
  await expect(page.getByRole('heading', { name: 'No ideas yet' })).toBeVisible();
  found.push(...(await axeViolations(page, 'board with no ideas')));

  await page.goto('/app/team');
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: OWNER })).toBeVisible();
  found.push(...(await axeViolations(page, 'team')));

  await page.goto('/app/usage');
  await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();
  found.push(...(await axeViolations(page, 'usage')));

  await page.goto('/app/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  found.push(...(await axeViolations(page, 'notifications')));

  await context.close();
  expect(found).toEqual([]);
});

test('when axe checks the board and the idea drawer on a phone, then it finds no violations', async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, OWNER, { viewport: PHONE });
  const found = await boardAndDrawer(page, 'phone');
  await context.close();
  expect(found).toEqual([]);
});

test('when axe checks the admin console on a desktop, then it finds no violations', async ({ browser }) => {
  const { page, context } = await signedIn(browser, 'admin@muse.test', { viewport: DESKTOP });
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
  await expect(page.getByTestId('tenant-row').first()).toBeVisible();
  const found = await axeViolations(page, 'admin');
  await context.close();
  expect(found).toEqual([]);
});

test('when the board is filtered by format from the keyboard, then the filter is a set of radio buttons, not tabs', async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, OWNER, { viewport: DESKTOP });
  await page.goto('/app/campaigns');
  await page.getByRole('link', { name: SEEDED_CAMPAIGN }).first().click();
  await expect(page.getByTestId('idea-card').first()).toBeVisible();
  const formats = page.getByRole('group', { name: 'Filter by format' });
  await expect(page.getByRole('tab')).toHaveCount(0);
  const all = formats.getByRole('radio', { name: 'All' });
  await expect(all).toBeChecked();

  await all.focus();
  await page.keyboard.press('ArrowRight');
  await expect(formats.getByRole('radio', { name: 'Posts' })).toBeChecked();
  await expect(formats.getByRole('radio', { name: 'Posts' })).toBeFocused();
  await expect(page.getByText(/^Showing \d+ of \d+$/)).toBeVisible();

  await formats.getByText('All', { exact: true }).click();
  await expect(all).toBeChecked();
  await expect(page.getByText(/^Showing \d+ of \d+$/)).toHaveCount(0);
  await context.close();
});
