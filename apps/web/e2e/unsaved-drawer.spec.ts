import { expect, test } from '@playwright/test';
import { openSeededIdea, signedIn } from './support/helpers';

test('when the drawer holds unsaved edits, then closing it or leaving the page asks first', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'member@northwind.test');
  const drawer = await openSeededIdea(page, 'Drafts');
  const original = await drawer.getByLabel('Title').inputValue();
  await drawer.getByLabel('Title').fill(`${original} — half-written`);

  // Esc asks; keeping the edits keeps the drawer and the text.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.keyboard.press('Escape');
  await expect.poll(() => asked).toEqual(['Discard your unsaved edits?']);
  await expect(drawer.getByLabel('Title')).toHaveValue(`${original} — half-written`);

  // Leaving the page asks too.
  const leaving: string[] = [];
  page.once('dialog', (dialog) => {
    leaving.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => leaving).toEqual(['beforeunload']);
});
