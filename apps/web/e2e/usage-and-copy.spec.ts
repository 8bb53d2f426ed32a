import { expect, test } from '@playwright/test';
import { PHONE, shot, signedIn } from './support/helpers';

const run = Date.now().toString(36);
// Names without spaces, so nothing can wrap them, yet short enough for a hashtag of the offline model.
const clientName = `Harborviewteahouseandbakery${run}`.padEnd(90, 'x');
const campaignName = `Autumnlaunchofthesmokedoolongcollection${run}`.padEnd(90, 'y');

test('(u) when an agency has long names and little usage, then the usage page fits a phone and never says 0% used', async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, 'owner@northwind.test');
  await page.goto('/app/clients/new');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByText('Enter a brand name')).toBeVisible();

  await page.getByLabel('Brand name').fill(clientName);
  await page.getByLabel('Website').fill('harborview-tea.test');
  await page.getByRole('button', { name: 'Instagram' }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { name: clientName })).toBeVisible();
  await expect(page.getByLabel('Website')).toHaveValue('https://harborview-tea.test');

  await page.goto('/app/campaigns/new');
  await page.getByLabel('Client').click();
  await page.getByRole('option', { name: clientName }).click();
  await page.getByLabel('Campaign name').fill(campaignName);
  await page.getByLabel('Posts').fill('1');
  await page.getByLabel('Reels').fill('0');
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
  await page.getByRole('button', { name: 'Generate ideas' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('dialog').getByText('1 new idea is on the board.')).toBeVisible({
    timeout: 90_000,
  });
  await page.keyboard.press('Escape');

  await page.goto('/app/campaigns');
  await expect(
    page.getByRole('row', { name: new RegExp(campaignName) }).getByText('1 draft', { exact: true }),
  ).toBeVisible();
  await context.close();

  const phone = await signedIn(browser, 'owner@northwind.test', { viewport: PHONE });
  await phone.page.goto('/app/usage');
  // Whatever the other runs of the agency spent (lib/labels.test.ts checks the figures): never "0%" once spent.
  await expect(phone.page.getByText(/^(<1|[1-9]\d?)% used\./)).toBeVisible();
  await expect(phone.page.getByText(/^0% used/)).toHaveCount(0);
  await expect(phone.page.getByTitle(clientName, { exact: true })).toBeVisible();
  await expect(phone.page.getByTitle(`${campaignName} · ${clientName}`, { exact: true })).toBeVisible();
  const overflow = await phone.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(phone.page, 'u1-usage-phone');
  await phone.context.close();
});
