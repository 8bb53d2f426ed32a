import { expect, test } from '@playwright/test';
import { openSeededIdea, signedIn } from './support/helpers';

test('when someone else saved the idea meanwhile, then the user’s text is kept, theirs is shown, and either can win', async ({
  browser,
}) => {
  const owner = await signedIn(browser, 'owner@northwind.test');
  const member = await signedIn(browser, 'member@northwind.test');
  const ownerDrawer = await openSeededIdea(owner.page, 'Drafts');
  const memberDrawer = await openSeededIdea(member.page, 'Drafts');

  const run = Date.now().toString(36);
  // The owner is mid-edit when the member saves: the live update leaves the owner's text alone.
  const mine = `Owner's caption, typed at length ${run}`;
  await ownerDrawer.getByLabel('Caption').fill(mine);
  await memberDrawer.getByLabel('Title').fill(`Member's title ${run}`);
  await memberDrawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(member.page.getByText('Changes saved')).toBeVisible();
  await expect(ownerDrawer.getByLabel('Caption')).toHaveValue(mine);

  await ownerDrawer.getByRole('button', { name: 'Save changes' }).click();
  const conflict = ownerDrawer.getByRole('alert', { name: 'Someone else saved this idea' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText(`Member's title ${run}`)).toBeVisible();
  await expect(ownerDrawer.getByLabel('Caption')).toHaveValue(mine);

  await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(ownerDrawer.getByLabel('Caption')).toHaveValue(mine);
  await owner.page.reload();
  await expect(owner.page.getByRole('dialog').getByLabel('Caption')).toHaveValue(mine);
  await owner.context.close();
  await member.context.close();
});
