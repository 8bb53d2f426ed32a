import { expect, test } from '@playwright/test';
import { signedIn } from './support/helpers';

test('when an address names nothing (a malformed id, a missing one, an unknown page), then the area says so and offers the way back', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  // Well-formed ids that name nothing (or another agency's) are no different from malformed ones.
  const missing = '00000000-0000-4000-8000-000000000000';
  for (const path of [
    '/app/campaigns/not-an-id',
    '/app/clients/123',
    '/app/no-such-page',
    `/app/campaigns/${missing}`,
    `/app/clients/${missing}`,
  ]) {
    // The area streams (loading.tsx), so the status is already sent: what counts is what the page says.
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'This page doesn’t exist' })).toBeVisible();
    await expect(page.getByText(/is not valid/)).toHaveCount(0);
    // Inside the agency's shell, with its navigation.
    await expect(page.getByRole('link', { name: 'Campaigns' }).first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page).toHaveURL(/\/app$/);

  const portal = await signedIn(browser, 'client@acme-coffee.test');
  for (const path of ['/portal/campaigns/nope', `/portal/campaigns/${missing}`]) {
    await portal.page.goto(path);
    await expect(portal.page.getByRole('link', { name: 'Back to your reviews' })).toBeVisible();
  }
});

test('when an address outside every area names nothing, then Muse’s own page says so', async ({ page }) => {
  const response = await page.goto('/definitely-not-here');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This page doesn’t exist' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Muse' })).toHaveAttribute('href', '/');
});
