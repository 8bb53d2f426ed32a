import { expect, type Page, test } from '@playwright/test';
import { newCampaignWithIdeas, PHONE, shot, signedIn } from './support/helpers';

const run = Date.now().toString(36);
const campaignName = `Winter filter guide ${run}`;
const reviewer = 'Dana Whitfield';
let boardPath = '';
let reviewPath = '';

test.describe.configure({ mode: 'serial' });

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });

test('(a) when the agency shares a campaign with sent ideas, then it gets a review link to copy, shown once', async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, 'owner@northwind.test');
  boardPath = await newCampaignWithIdeas(page, {
    client: 'Acme Coffee',
    name: campaignName,
    brief: 'Three ways to brew our winter filter roast at home.',
    posts: 3,
  });
  const drafts = column(page, 'Drafts').getByTestId('idea-card');
  await expect(drafts).toHaveCount(3);
  for (const card of await drafts.all()) await card.getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Send 3 to client' }).click();
  await expect(column(page, 'With client').getByTestId('idea-card')).toHaveCount(3);

  await page.getByRole('button', { name: 'Share for review' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reviewer’s name').fill(reviewer);
  await dialog.getByLabel('Works for').click();
  await page.getByRole('option', { name: '7 days' }).click();
  await shot(page, 'guest-1-share-dialog');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const address = dialog.getByTestId('review-link-url');
  await expect(address).toHaveValue(/\/review\/[A-Za-z0-9_-]{43}$/);
  reviewPath = new URL(await address.inputValue()).pathname;
  await expect(dialog.getByTestId('review-link-row')).toContainText(`${reviewer}Active`);
  await shot(page, 'guest-2-link-created');

  // Closing forgets the address: the list never shows it again.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Share for review' }).click();
  await expect(page.getByRole('dialog').getByTestId('review-link-url')).toHaveCount(0);
  await expect(page.getByRole('dialog')).not.toContainText(reviewPath);
  await context.close();
});

test('(b) when the reviewer opens the link on a phone without an account, then they approve one, ask for changes on one and reject one', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true });
  const page = await context.newPage();
  const response = await page.goto(reviewPath);
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
  await expect(page.getByText(`For ${reviewer}`)).toBeVisible();
  await expect(page.getByText('Northwind Social', { exact: true })).toBeVisible();
  // Only that campaign: no way into the portal or the app.
  await expect(page.locator('a[href^="/portal"], a[href^="/app"], a[href^="/sign-in"]')).toHaveCount(0);
  const cards = page.getByTestId('review-card');
  await expect(cards).toHaveCount(3);
  await shot(page, 'guest-3-review-phone');

  await cards.first().getByRole('button', { name: 'Approve' }).click();
  await expect(cards).toHaveCount(2);

  const second = cards.first();
  await second.getByRole('button', { name: /Changes/ }).click();
  await second.getByLabel('What should change?').fill('Add the grind size for the V60.');
  await shot(page, 'guest-4-change-request-phone');
  await second.getByRole('button', { name: 'Send change request' }).click();
  await expect(cards).toHaveCount(1);

  await cards.first().getByRole('button', { name: 'Reject' }).click();
  await cards.first().getByRole('button', { name: 'Reject idea' }).click();
  await expect(page.getByText('All done — thank you!')).toBeVisible();
  await page.getByRole('tab', { name: /Answered/ }).click();
  await expect(cards).toHaveCount(3);
  await shot(page, 'guest-5-answered-phone');
  await context.close();
});

test('(c) when the agency looks, then it sees the answers by "Dana Whitfield (review link)", and the revoked link shows that it no longer works', async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, 'owner@northwind.test');
  const activity = page.getByRole('heading', { name: 'Recent activity' }).locator('xpath=../..');
  await expect(activity.getByText(`${reviewer} (review link) approved`)).toBeVisible();
  await expect(activity.getByText(`${reviewer} (review link) asked for changes to`)).toBeVisible();
  await expect(activity.getByText(`${reviewer} (review link) rejected`)).toBeVisible();
  await shot(page, 'guest-6-agency-activity');

  await page.goto(boardPath);
  await expect(column(page, 'Approved').getByTestId('idea-card')).toHaveCount(1);
  await expect(column(page, 'Changes requested').getByTestId('idea-card')).toHaveCount(1);
  // A closed column starts folded to its name and count.
  const rejected = column(page, 'Rejected by client');
  await rejected.getByRole('button', { expanded: false }).click();
  await expect(rejected.getByTestId('idea-card')).toHaveCount(1);

  await page.getByRole('button', { name: 'Share for review' }).click();
  const row = page.getByRole('dialog').getByTestId('review-link-row');
  await expect(row).toContainText('last answered');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText(`${reviewer}Revoked`);
  await shot(page, 'guest-7-link-revoked');

  // A new link for the same reviewer, for as long as the agency picks: shown once, like the first.
  await row.getByRole('button', { name: 'New link' }).click();
  await page.getByRole('menuitem', { name: '30 days' }).click();
  const renewed = page.getByRole('dialog').getByTestId('review-link-url');
  await expect(renewed).toHaveValue(/\/review\/[A-Za-z0-9_-]{43}$/);
  const renewedPath = new URL(await renewed.inputValue()).pathname;
  expect(renewedPath).not.toBe(reviewPath);
  const inThirtyDays = new Intl.DateTimeFormat('en', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(Date.now() + 30 * 86_400_000));
  await expect(
    page.getByRole('dialog').getByTestId('review-link-row').filter({ hasText: 'Active' }),
  ).toContainText(`Expires ${inThirtyDays}`);
  await context.close();

  const guest = await browser.newContext({ viewport: PHONE, isMobile: true });
  const guestPage = await guest.newPage();
  await guestPage.goto(reviewPath);
  await expect(guestPage.getByRole('heading', { name: 'This review link no longer works' })).toBeVisible();
  await expect(
    guestPage.getByText(/ask the person at the agency who sent you the link for a new one/),
  ).toBeVisible();
  await expect(guestPage.getByText(campaignName)).toHaveCount(0);
  await expect(guestPage.getByTestId('review-card')).toHaveCount(0);
  await shot(guestPage, 'guest-8-link-no-longer-works');
  await guestPage.goto(renewedPath);
  await expect(guestPage.getByRole('heading', { name: campaignName })).toBeVisible();
  await guest.close();
});
