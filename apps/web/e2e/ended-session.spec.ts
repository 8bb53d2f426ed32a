import { expect, test } from '@playwright/test';
import { PHONE, SEEDED_CAMPAIGN, signedIn } from './support/helpers';

test('when the client signs out in another tab, then a review page kept open can no longer approve', async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, 'client@acme-coffee.test', { viewport: PHONE });
  await page.getByRole('link', { name: SEEDED_CAMPAIGN }).first().click();
  const cards = page.getByTestId('review-card');
  await expect(cards.first()).toBeVisible();
  const waiting = await cards.count();

  // The page holds a token in memory; the session ends in another tab.
  const other = await context.newPage();
  await other.goto('/portal');
  await other
    .getByRole('button', { name: /^Account:/ })
    .first()
    .click();
  await other.getByRole('button', { name: 'Sign out' }).click();
  await expect(other).toHaveURL(/\/sign-in\?signedOut=1/);

  await cards.first().getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Nothing was approved: signed in again, the same ideas still wait.
  const again = await signedIn(browser, 'client@acme-coffee.test', { viewport: PHONE });
  await again.page.getByRole('link', { name: SEEDED_CAMPAIGN }).first().click();
  await expect(again.page.getByTestId('review-card').first()).toBeVisible();
  await expect(again.page.getByTestId('review-card')).toHaveCount(waiting);
  await again.context.close();
  await context.close();
});
