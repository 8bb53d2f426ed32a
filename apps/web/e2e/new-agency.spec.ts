import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support/helpers';

test('when a new agency’s admin first opens Muse, then it is guided to add a client before any campaign', async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const agency = `Fresh Start ${run}`;
  const email = `lead+${run}@fresh-start.test`;
  const admin = await signedIn(browser, 'admin@muse.test');
  await admin.page.getByRole('button', { name: 'New agency' }).click();
  await admin.page.getByLabel('Agency name').fill(agency);
  await admin.page.getByLabel('Name', { exact: true }).fill('Lee Fresh');
  await admin.page.getByLabel('Email', { exact: true }).fill(email);
  await admin.page.getByRole('button', { name: 'Create agency' }).click();
  await expect(admin.page.getByTestId('tenant-row').filter({ hasText: agency })).toBeVisible();
  await admin.context.close();

  const { page } = await signedIn(browser, email, { accepting: agency });
  // A first visit is greeted as one; the next sign-in is a return.
  await expect(page.getByRole('heading', { name: 'Welcome, Lee' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Welcome back/ })).toHaveCount(0);
  const again = await signedIn(browser, email);
  await expect(again.page.getByRole('heading', { name: 'Welcome back, Lee' })).toBeVisible();
  await again.context.close();
  await expect(page.getByRole('heading', { name: 'Start with your first client' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New campaign' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Add a client' }).first().click();
  await expect(page).toHaveURL(/\/app\/clients\/new$/);

  // The campaigns list and a new campaign say the same, rather than offering a form with no client to pick.
  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await expect(page.getByRole('heading', { name: 'Start with your first client' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New campaign' })).toHaveCount(0);
  await shot(page, 'n1-new-agency-campaigns');
  await page.goto('/app/campaigns/new');
  await expect(page.getByRole('heading', { name: 'Start with your first client' })).toBeVisible();
  await expect(page.getByLabel('Campaign name')).toHaveCount(0);
  await shot(page, 'n2-new-agency-new-campaign');
  await page.getByRole('link', { name: 'Add a client' }).first().click();
  await expect(page).toHaveURL(/\/app\/clients\/new$/);
  await page.getByLabel('Brand name').fill(`Fresh Client ${run}`);
  await page.getByRole('button', { name: 'Instagram' }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { name: `Fresh Client ${run}` })).toBeVisible();

  // With a client, the campaign is the next step.
  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await expect(page.getByRole('heading', { name: 'No campaigns yet' })).toBeVisible();
  await page.getByRole('link', { name: 'New campaign' }).first().click();
  await expect(page.getByLabel('Campaign name')).toBeVisible();
});
