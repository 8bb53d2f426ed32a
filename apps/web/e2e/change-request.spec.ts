import { expect, test } from '@playwright/test';
import { openSeededIdea, signedIn } from './support/helpers';

test('when an idea comes back with changes requested, then its drawer opens with the client’s request on top', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  const drawer = await openSeededIdea(page, 'Changes requested');
  const request = drawer.getByRole('figure', { name: 'The client’s request' });
  await expect(request).toContainText('can we use grams and cups?');
  await expect(request).toContainText('Priya Nair asked for changes');
  // On the first tab, without opening Comments.
  await expect(drawer.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
});
