import { expect, test } from '@playwright/test';
import { openSeededIdea, signedIn } from './support/helpers';

test('when the drawer holds unsaved edits, then resubmitting is refused with a prompt; saved, it sends the new text', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  const drawer = await openSeededIdea(page, 'Changes requested');

  const title = `Reworked after the client's note ${Date.now().toString(36)}`;
  await drawer.getByLabel('Title').fill(title);
  await drawer.getByRole('button', { name: 'Resubmit to client' }).click();
  await expect(drawer.getByRole('alert')).toHaveText(/Save or undo your edits first/);
  await expect(page.getByText(/moved to/)).toHaveCount(0);

  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(drawer.getByRole('alert')).toHaveCount(0);
  await drawer.getByRole('button', { name: 'Resubmit to client' }).click();
  await expect(page.getByText(/moved to/).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: /^With client/ }).getByText(title)).toBeVisible();
});
