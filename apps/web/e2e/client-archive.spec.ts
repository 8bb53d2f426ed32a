import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support/helpers';

const clientName = `Harbor Tea ${Date.now().toString(36)}`;

test('(f) when the owner archives a client by mistake, then it leaves the list and one click restores it', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await page.getByRole('link', { name: 'Clients' }).first().click();
  await page.getByRole('link', { name: 'New client' }).first().click();
  await page.getByLabel('Brand name').fill(clientName);
  await page.getByRole('button', { name: 'Instagram' }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { name: clientName })).toBeVisible();
  const profile = page.url();

  await page.getByRole('button', { name: 'Archive' }).click();
  const confirm = page.getByRole('dialog', { name: `Archive ${clientName}?` });
  await expect(confirm).toContainText('restore it at any time');
  await confirm.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText(/^Archived on /)).toBeVisible();
  await shot(page, 'f1-archived-client');

  await page.getByRole('link', { name: 'Clients' }).first().click();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
  await expect(page.getByText(clientName)).toHaveCount(0);
  await page.getByLabel('Show archived').click();
  await expect(page.getByText(clientName)).toBeVisible();

  await page.goto(profile);
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText(`${clientName} restored`)).toBeVisible();
  await expect(page.getByText(/^Archived on /)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
});
