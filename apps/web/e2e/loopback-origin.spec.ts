import { expect, test } from '@playwright/test';
import { signInAs } from './support/helpers';

test('when the web app is opened at 127.0.0.1 instead of localhost, then signing in and loading data work', async ({
  browser,
  baseURL,
}) => {
  const loopback = new URL(baseURL ?? '');
  loopback.hostname = '127.0.0.1';
  const context = await browser.newContext({ baseURL: loopback.origin });
  const page = await context.newPage();
  await signInAs(page, 'owner@northwind.test');
  expect(new URL(page.url()).hostname).toBe('127.0.0.1');
  await page.goto('/app/campaigns');
  await expect(page.getByRole('link', { name: /New Year, Your Pace/ }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Cannot reach the server')).toHaveCount(0);
  await context.close();
});
