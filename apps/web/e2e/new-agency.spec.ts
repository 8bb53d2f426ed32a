import { expect, test } from '@playwright/test';
import { signedIn } from './support/helpers';

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
  await expect(page.getByRole('heading', { name: 'Start with your first client' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New campaign' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Add a client' }).first().click();
  await expect(page).toHaveURL(/\/app\/clients\/new$/);
});
