import { expect, type Page, test } from '@playwright/test';
import { openSeededCampaign, shot, signedIn } from './support/helpers';

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });

test('when the agency sends an idea to the client, then the board shows the round waiting until the idea is withdrawn, and Remind now counts a reminder', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await openSeededCampaign(page);
  const draft = column(page, 'Drafts').getByTestId('idea-card').first();
  const title = (await draft.getByRole('heading').first().textContent()) ?? '';
  await draft.getByRole('checkbox').click();
  const reviewBy = new Date(Date.now() + 7 * 86_400_000);
  await page.getByLabel('Review by (optional)').fill(reviewBy.toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Send 1 to client' }).click();

  const shown = new Intl.DateTimeFormat('en', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  // This sending's round, by its review-by date: earlier tests may leave other rounds waiting.
  const waiting = page
    .getByRole('list', { name: 'Waiting for the client' })
    .getByRole('listitem')
    .filter({ hasText: `review by ${shown.format(reviewBy)}` });
  await expect(waiting).toContainText(/Waiting for the client since .+, (not reminded yet|reminded \d+×)/);
  const before = Number((await waiting.textContent())?.match(/reminded (\d+)×/)?.[1] ?? 0);
  await waiting.getByRole('button', { name: 'Remind now' }).click();
  await expect(page.getByText('Reminder sent to the client')).toBeVisible();
  await expect(waiting).toContainText(`reminded ${before + 1}×`);
  await shot(page, 'r1-board-waiting-for-the-client');

  // Withdrawn, the idea leaves the round, which no idea waits in any more: the board stops showing it.
  const sent = column(page, 'With client').getByTestId('idea-card').filter({ hasText: title });
  await sent.getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Back to drafts' }).click();
  await expect(column(page, 'Drafts').getByText(title)).toBeVisible();
  await expect(waiting).toHaveCount(0);
});

test('when the agency sets a review-by date on a campaign and a cadence on its client, then both are kept', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await openSeededCampaign(page);
  await page.getByRole('link', { name: 'Edit' }).click();
  const reviewBy = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Review by').fill(reviewBy);
  await page.getByRole('button', { name: 'Save campaign' }).click();
  await expect(page.getByText('Campaign saved')).toBeVisible();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('Review by')).toHaveValue(reviewBy);

  await page.goBack();
  await page.getByRole('link', { name: 'Acme Coffee', exact: true }).first().click();
  await page.getByLabel('At most (reminders)').fill('5');
  await page.getByLabel('Then every (days)').fill('3');
  await page.getByRole('button', { name: 'Save brand profile' }).click();
  await expect(page.getByText('Brand profile saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('At most (reminders)')).toHaveValue('5');
  await expect(page.getByLabel('Then every (days)')).toHaveValue('3');
});
