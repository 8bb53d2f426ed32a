import { expect, test } from '@playwright/test';
import { openSeededIdea, signedIn } from './support/helpers';

test('when the agency withdraws an idea from the client and edits it, then the edit saves (no false conflict)', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  const drawer = await openSeededIdea(page, 'With client');
  await drawer.getByRole('button', { name: 'Withdraw' }).click();

  const title = `Withdrawn and rewritten ${Date.now().toString(36)}`;
  await drawer.getByLabel('Title').fill(title);
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(page.getByText('Changes not saved')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: /^Drafts/ }).getByText(title)).toBeVisible();
});
