import { expect, type Page, test } from '@playwright/test';
import { signedIn } from './support/helpers';

async function openFirstDraft(page: Page) {
  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await page
    .getByRole('link', { name: /Autumn Single-Origin Launch/ })
    .first()
    .click();
  await page
    .getByRole('region', { name: /^Drafts/ })
    .getByTestId('idea-card')
    .first()
    .getByRole('button')
    .last()
    .click();
  return page.getByRole('dialog');
}

test('when someone else saved the idea meanwhile, then the user’s text is kept, theirs is shown, and either can win', async ({
  browser,
}) => {
  const owner = await signedIn(browser, 'owner@northwind.test');
  const member = await signedIn(browser, 'member@northwind.test');
  const ownerDrawer = await openFirstDraft(owner.page);
  const memberDrawer = await openFirstDraft(member.page);

  const run = Date.now().toString(36);
  await memberDrawer.getByLabel('Title').fill(`Member's title ${run}`);
  await memberDrawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(member.page.getByText('Changes saved')).toBeVisible();

  const mine = `Owner's caption, typed at length ${run}`;
  await ownerDrawer.getByLabel('Caption').fill(mine);
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
