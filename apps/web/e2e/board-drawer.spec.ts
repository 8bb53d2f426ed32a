import { expect, test } from '@playwright/test';
import { SEEDED_CAMPAIGN, signedIn } from './support/helpers';

test('when an idea is open on the board, then browser Back closes it and stays on the board', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'member@northwind.test');
  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await expect(page).toHaveURL(/\/app\/campaigns$/);
  await page.getByRole('link', { name: SEEDED_CAMPAIGN }).first().click();
  await expect(page).toHaveURL(/\/app\/campaigns\/[0-9a-f-]{36}$/);
  const board = page.url();

  await page.getByTestId('idea-card').first().getByRole('button').last().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(page.url()).toBe(board);

  // Closing with the button steps back too: the next Back leaves the board, not reopens the idea.
  await page.getByTestId('idea-card').first().getByRole('button').last().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(page.url()).toBe(board);
  await page.goBack();
  await expect(page).toHaveURL(/\/app\/campaigns$/);
});
