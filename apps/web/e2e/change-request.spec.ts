import { expect, test } from '@playwright/test';
import { signedIn } from './support/helpers';

test('when an idea comes back with changes requested, then its drawer opens with the client’s request on top', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await page
    .getByRole('link', { name: /Autumn Single-Origin Launch/ })
    .first()
    .click();
  await page
    .getByRole('region', { name: /^Changes requested/ })
    .getByTestId('idea-card')
    .first()
    .getByRole('button')
    .last()
    .click();
  const request = page.getByRole('dialog').getByRole('figure', { name: 'The client’s request' });
  await expect(request).toContainText('can we use grams and cups?');
  await expect(request).toContainText('Priya Nair asked for changes');
  // On the first tab, without opening Comments.
  await expect(page.getByRole('dialog').getByRole('tab', { name: 'Details' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});
