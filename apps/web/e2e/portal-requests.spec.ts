import { expect, test } from '@playwright/test';
import { PHONE, SEEDED_CAMPAIGN, signedIn } from './support/helpers';

test('when the client opens a campaign to review, then the page asks the API only for real resources', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'client@acme-coffee.test', { viewport: PHONE });
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) asked.push(new URL(request.url()).pathname);
  });
  await page.getByRole('link', { name: SEEDED_CAMPAIGN }).first().click();
  await expect(page.getByTestId('review-card').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // An empty id (e.g. /api/ideas//revisions) means a request for nothing.
  expect(asked.filter((path) => path.includes('//'))).toEqual([]);
});
