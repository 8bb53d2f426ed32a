import { expect, test } from '@playwright/test';
import { newCampaignWithIdeas, shot, signedIn } from './support/helpers';

test('when an idea was rewritten, then its history shows each change and restores an earlier version as a new one', async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await newCampaignWithIdeas(page, {
    client: 'Acme Coffee',
    name: `Pour-over week ${run}`,
    brief: 'A week of pour-over tips for home brewers.',
    posts: 2,
  });
  await page.getByTestId('idea-card').first().getByRole('button').last().click();
  const drawer = page.getByRole('dialog');
  const title = drawer.getByLabel('Title');
  const original = await title.inputValue();

  for (const rewrite of [`Bloom first, pour second ${run}`, `The 30-second bloom ${run}`]) {
    await title.fill(rewrite);
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Changes saved').first()).toBeVisible();
    // The editor starts again from what was saved: nothing left to save.
    await expect(drawer.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  }

  // Edits not saved yet: restoring waits for them.
  await title.fill(`Half-typed ${run}`);
  await drawer.getByRole('tab', { name: 'History' }).click();
  await expect(drawer.getByText(/Save or undo your edits first/)).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Restore version 1' })).toBeDisabled();
  // A look at another tab keeps the half-made edit.
  await drawer.getByRole('tab', { name: 'Details' }).click();
  await expect(title).toHaveValue(`Half-typed ${run}`);
  await title.fill(`The 30-second bloom ${run}`);

  await drawer.getByRole('tab', { name: 'History' }).click();
  const versions = drawer.getByRole('listitem');
  await expect(versions).toHaveCount(3);
  // The latest change, old and new words side by side in the field's diff.
  await expect(versions.first()).toContainText('Version 3');
  await expect(versions.first()).toContainText('Title');
  // A replaced word keeps a gap from its replacement rather than running into it.
  const removed = versions.first().locator('del').first();
  const added = removed.locator('xpath=following-sibling::*[1][self::ins]');
  await expect(added).toHaveCount(1);
  const [removedBox, addedBox] = await Promise.all([removed.boundingBox(), added.boundingBox()]);
  if (!removedBox || !addedBox) throw new Error('the diff is not on screen');
  // A title's diff fits one line, so the two sit side by side.
  expect(addedBox.y).toBeCloseTo(removedBox.y, 0);
  expect(addedBox.x - (removedBox.x + removedBox.width)).toBeGreaterThanOrEqual(3);
  await drawer.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(page.getByText('Version 1 restored')).toBeVisible();
  await expect(versions).toHaveCount(4);
  await expect(versions.first()).toContainText('Version 4');
  await shot(page, 'history-1-restored');

  await drawer.getByRole('tab', { name: 'Details' }).click();
  await expect(title).toHaveValue(original);
});
