import { expect, test } from '@playwright/test';
import { signedIn } from './support/helpers';

test('when a form holds unsaved edits, then the sidebar, Cancel and leaving the page ask first; saved, nothing asks', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await page.getByRole('link', { name: 'New campaign' }).first().click();
  const name = page.getByLabel('Campaign name');
  await name.fill('Half-planned spring push');

  const asked: string[] = [];
  const answer = (accept: boolean) =>
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    });

  // Keeping the edits stays on the form with the text.
  answer(false);
  await page.getByRole('link', { name: 'Clients' }).first().click();
  await expect.poll(() => asked).toEqual(['Discard your unsaved edits?']);
  await expect(page).toHaveURL(/\/app\/campaigns\/new$/);
  await expect(name).toHaveValue('Half-planned spring push');
  answer(false);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => asked.length).toBe(2);
  await expect(page).toHaveURL(/\/app\/campaigns\/new$/);

  // Leaving the page asks the browser's way.
  const leaving: string[] = [];
  page.once('dialog', (dialog) => {
    leaving.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => leaving).toEqual(['beforeunload']);

  // An edit of a brand profile, once saved, leaves without a question.
  const second = await signedIn(browser, 'owner@northwind.test');
  await second.page.getByRole('link', { name: 'Clients' }).first().click();
  await second.page
    .getByRole('link', { name: /Acme Coffee/ })
    .first()
    .click();
  const audience = second.page.getByLabel('Target audience');
  const before = await audience.inputValue();
  const save = async (value: string) => {
    await audience.fill(value);
    await second.page.getByRole('button', { name: 'Save brand profile' }).click();
    await expect(second.page.getByText('Brand profile saved').first()).toBeVisible();
    await expect(audience).toHaveValue(value);
  };
  await save('Home brewers who buy whole beans');
  await save(before);
  const unexpected: string[] = [];
  second.page.on('dialog', (dialog) => {
    unexpected.push(dialog.message());
    void dialog.accept();
  });
  await second.page.getByRole('link', { name: 'Campaigns' }).first().click();
  await expect(second.page).toHaveURL(/\/app\/campaigns$/);
  expect(unexpected).toEqual([]);
  await second.context.close();
});
