import { expect, test } from '@playwright/test';
import { openSeededIdea, signedIn } from './support/helpers';

test('when the agency posts a comment shared with the client, then the next comment starts internal again', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'member@northwind.test');
  const drawer = await openSeededIdea(page);
  await drawer.getByRole('tab', { name: 'Comments' }).click();

  await drawer.getByRole('switch').click();
  await expect(drawer.getByText('Visible to the client')).toBeVisible();
  const body = `Shared note ${Date.now().toString(36)}`;
  await drawer.getByRole('textbox', { name: 'Comment', exact: true }).fill(body);
  await drawer.getByRole('button', { name: 'Comment', exact: true }).click();

  await expect(drawer.getByText(body)).toBeVisible();
  await expect(drawer.getByText('Internal — only your team sees it')).toBeVisible();
  await expect(drawer.getByRole('switch')).not.toBeChecked();
});
