import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support/helpers';

test('when the seeded brand is edited twice, then its history shows both versions with who, why and what changed', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await page.getByRole('link', { name: 'Clients' }).first().click();
  await page.getByRole('link', { name: 'Acme Coffee' }).first().click();
  await expect(page.getByRole('heading', { name: 'Acme Coffee' })).toBeVisible();

  const history = page.getByRole('region', { name: 'Brand history' });
  const versions = history.getByRole('listitem').filter({ hasText: /^Version \d+/ });
  await expect(versions.first()).toBeVisible();
  const before = await versions.count();
  const version = (n: number) => history.getByRole('listitem', { name: `Version ${n}`, exact: true });

  // The field, not a suggestion of the same kind listed above the form.
  const neverSay = page.getByRole('textbox', { name: 'Never say' });
  const seededNeverSay = await neverSay.inputValue();
  await neverSay.fill(`${seededNeverSay}\nbargain bin`);
  await page.getByLabel('Why this change (optional)').fill('The client turned down “bargain bin”');
  await page.getByRole('button', { name: 'Save brand profile' }).click();
  await expect(version(before + 1)).toBeVisible();

  const tone = page.getByLabel('Tone keywords');
  const seededTone = await tone.inputValue();
  await tone.fill(`${seededTone}, bright`);
  await page.getByRole('button', { name: 'Save brand profile' }).click();

  const newest = version(before + 2);
  await expect(newest).toContainText('Olivia Hart');
  await expect(newest).toContainText('Tone keywords: + bright');
  await expect(newest).not.toContainText('Never say');
  const previous = version(before + 1);
  await expect(previous).toContainText('Olivia Hart');
  await expect(previous).toContainText('“The client turned down “bargain bin””');
  await expect(previous).toContainText('Never say: + bargain bin');
  await expect(versions.first()).toHaveAccessibleName(`Version ${before + 2}`);
  await shot(page, 'brand-history-1');

  // Back to the seeded profile, for the tests that generate with it; the history keeps every step.
  await neverSay.fill(seededNeverSay);
  await tone.fill(seededTone);
  await page.getByRole('button', { name: 'Save brand profile' }).click();
  await expect(version(before + 3)).toContainText('Never say: − bargain bin');
  await expect(version(before + 3)).toContainText('Tone keywords: − bright');
  await expect(versions).toHaveCount(before + 3);
});
