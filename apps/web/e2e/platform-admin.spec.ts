import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support/helpers';

test('(d) when the platform admin creates an agency and suspends another, then that agency’s users cannot work', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'admin@muse.test');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Agencies' })).toBeVisible();
  await expect(page.getByTestId('tenant-row').first()).toBeVisible();
  await shot(page, 'd1-admin-agencies');

  const name = `Sunrise Creative ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New agency' }).click();
  await page.getByLabel('Agency name').fill(name);
  await page.getByLabel('Name', { exact: true }).fill('Ava Stone');
  await page.getByLabel('Email', { exact: true }).fill(`ava+${Date.now().toString(36)}@sunrise.test`);
  await shot(page, 'd2-admin-create-agency');
  await page.getByRole('button', { name: 'Create agency' }).click();
  await expect(page.getByTestId('tenant-row').filter({ hasText: name })).toBeVisible();

  const blueHarbor = page.getByTestId('tenant-row').filter({ hasText: 'Blue Harbor Agency' });
  await blueHarbor.getByRole('button', { name: /Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Suspend' }).click();
  await page.getByRole('button', { name: 'Suspend agency' }).click();
  await expect(blueHarbor.getByText('Suspended')).toBeVisible();
  await shot(page, 'd3-admin-agency-suspended');

  const suspended = await signedIn(browser, 'owner@blueharbor.test').catch(() => null);
  expect(suspended, 'a user of a suspended agency must not get in').toBeNull();
  const attempt = await browser.newPage({ baseURL: process.env.E2E_BASE_URL });
  await attempt.goto('/sign-in');
  await attempt.getByRole('button', { name: /owner@blueharbor\.test/ }).click();
  await expect(attempt.getByRole('alert').filter({ hasText: /suspended/i })).toBeVisible();
  await expect(attempt).toHaveURL(/\/sign-in/);
  await shot(attempt, 'd4-suspended-agency-sign-in-refused');

  // Leave the demo data as it was for the other flows and for re-runs.
  await blueHarbor.getByRole('button', { name: /Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Reactivate' }).click();
  await expect(blueHarbor.getByText('Active')).toBeVisible();
});
