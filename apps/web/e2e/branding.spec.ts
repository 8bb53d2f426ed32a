import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support/helpers';

test('when the agency admin sets a logo, then a wrong address is explained and a right one is saved', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await page.getByRole('link', { name: 'Branding' }).first().click();
  await expect(page.getByRole('heading', { name: 'Branding' })).toBeVisible();
  const address = page.getByLabel('Logo address');

  await address.fill('http://northwind.example/logo.png');
  await page.getByRole('button', { name: 'Save logo' }).click();
  await expect(page.getByText('Enter an https:// address of an image, or leave it empty')).toBeVisible();

  await address.fill('https://northwind.example/logo.png');
  await page.getByRole('button', { name: 'Save logo' }).click();
  await expect(page.getByText('Logo saved')).toBeVisible();
  await expect(page.getByRole('link', { name: 'this address' })).toHaveAttribute(
    'href',
    'https://northwind.example/logo.png',
  );
  await shot(page, 'branding');

  // The seeded agency goes back to its name, for the tests that read its mail.
  await address.fill('');
  await page.getByRole('button', { name: 'Save logo' }).click();
  await expect(page.getByText('Logo removed')).toBeVisible();

  const member = await signedIn(browser, 'member@northwind.test');
  await expect(member.page.getByRole('link', { name: 'Branding' })).toHaveCount(0);
});
