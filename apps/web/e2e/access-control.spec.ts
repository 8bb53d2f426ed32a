import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support/helpers';

test('(e) when a client user opens /app or another client’s campaign, then it stays in its own portal', async ({
  browser,
}) => {
  const bloom = await signedIn(browser, 'client@bloom-fitness.test');
  await bloom.page
    .getByRole('link', { name: /New Year, Your Pace/ })
    .first()
    .click();
  await expect(bloom.page).toHaveURL(/\/portal\/campaigns\/[0-9a-f-]{36}$/);
  const bloomCampaign = new URL(bloom.page.url()).pathname;

  const { page } = await signedIn(browser, 'client@acme-coffee.test');
  await page.goto('/app');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await expect(page.getByText('Blue Harbor Agency')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Back to your home' })).toHaveAttribute('href', '/portal');

  await page.goto(bloomCampaign);
  // As if it did not exist: the portal's own not-found page, with the way back.
  await expect(page.getByRole('heading', { name: 'This page doesn’t exist' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to your reviews' })).toBeVisible();
  await expect(page.getByText('New Year, Your Pace')).toHaveCount(0);
  await shot(page, 'e1-client-cannot-open-other-clients-campaign');
});

test('(e) when a visitor is not signed in, then a protected page sends them to sign-in and back', async ({
  page,
}) => {
  await page.goto('/app/campaigns');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fapp%2Fcampaigns/);
  await shot(page, 'e2-sign-in');
  await page.getByRole('button', { name: /owner@northwind\.test/ }).click();
  await expect(page).toHaveURL(/\/app\/campaigns$/);
});

test('(e) when an agency member opens the team or usage page, then it is told it has no access, with the way back', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'member@northwind.test');
  for (const path of ['/app/team', '/app/usage']) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
    await expect(page.getByText(/Only agency admins/)).toBeVisible();
  }
  await page.getByRole('link', { name: 'Back to your home' }).click();
  await expect(page).toHaveURL(/\/app$/);
});

test('(e) when an agency member opens the admin console, then it is told it has no access, with the way back', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'member@northwind.test');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await expect(
    page.getByText('The admin console is for the people who run the Muse platform.'),
  ).toBeVisible();
  await expect(page.getByText('Blue Harbor Agency')).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to your home' }).click();
  await expect(page).toHaveURL(/\/app$/);
});
