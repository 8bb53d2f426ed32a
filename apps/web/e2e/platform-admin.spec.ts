import { expect, test } from '@playwright/test';
import { openSeededCampaign, shot, signedIn } from './support/helpers';

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

test('(d) when the platform admin sets any whole quota, and one the agency has used up, then both sides say generation is blocked', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'admin@muse.test');
  const northwind = page.getByTestId('tenant-row').filter({ hasText: 'Northwind Social' });
  const quotaField = page.getByRole('dialog').getByLabel('Tokens per month');
  const openQuota = async () => {
    await northwind.getByRole('button', { name: /Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Edit quota' }).click();
  };
  const saveQuota = async () => {
    // The field itself accepts the number, not only the form behind it.
    expect(await quotaField.evaluate((input: HTMLInputElement) => input.checkValidity())).toBe(true);
    await page.getByRole('button', { name: 'Save quota' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  };

  try {
    await openQuota();
    await quotaField.fill('1234567');
    await saveQuota();
    await expect(northwind.getByText(/\/ 1\.2M$/)).toBeVisible();
    // Opened again, the odd value is kept as it is and saves again unchanged.
    await openQuota();
    await expect(quotaField).toHaveValue('1234567');
    await saveQuota();
    await expect(northwind.getByText(/Generation is blocked/)).toHaveCount(0);

    await openQuota();
    await quotaField.fill('0');
    await saveQuota();
    await expect(
      northwind.getByText(
        /^Quota used up\. Generation is blocked until the quota is raised or the month turns on /,
      ),
    ).toBeVisible();
    await shot(page, 'd5-admin-agency-over-quota');

    const owner = await signedIn(browser, 'owner@northwind.test');
    await expect(
      owner.page.getByRole('link', { name: 'Quota used up: generation is blocked' }),
    ).toBeVisible();
    await owner.page.getByRole('link', { name: 'Quota used up: generation is blocked' }).click();
    await expect(owner.page).toHaveURL(/\/app\/usage$/);
    await expect(
      owner.page.getByRole('status').filter({
        hasText:
          /^The monthly quota is used up\. Generation is blocked until the quota is raised or the month turns on .+ To raise it, contact the Muse platform team\.$/,
      }),
    ).toBeVisible();
    await shot(owner.page, 'd6-agency-usage-quota-used-up');

    await openSeededCampaign(owner.page);
    await owner.page.getByRole('button', { name: 'Generate ideas' }).first().click();
    // The dialog says so before anyone fills it in, and offers no run that would be refused.
    const dialog = owner.page.getByRole('dialog');
    await expect(
      dialog.getByRole('alert').filter({
        hasText:
          /^Your agency has used its monthly token quota\. Generation is blocked until the quota is raised or the month turns on /,
      }),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Generate', exact: true })).toBeDisabled();
    await expect(dialog.getByLabel('Posts')).toBeDisabled();
    await shot(owner.page, 'd7-agency-generate-blocked-over-quota');
    await owner.context.close();
  } finally {
    // The seeded quota, for the other flows and for re-runs.
    await page.keyboard.press('Escape');
    await openQuota();
    await quotaField.fill('2000000');
    await saveQuota();
  }
});
