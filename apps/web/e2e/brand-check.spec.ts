import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support/helpers';

test('when an idea says a brand don’t and a claim, then the drawer’s brand check shows both and sending asks for a confirmation', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  // Bloom Fitness's campaign: the other tests share Acme Coffee's drafts, which this one sends.
  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await page
    .getByRole('link', { name: /New Year, Your Pace/ })
    .first()
    .click();
  await page
    .getByRole('region', { name: /^Drafts/ })
    .getByTestId('idea-card')
    .first()
    .getByRole('button')
    .last()
    .click();
  const drawer = page.getByRole('dialog');
  const panel = drawer.getByRole('region', { name: 'Brand check' });
  await expect(panel.getByText('No findings')).toBeVisible();
  const title = (await drawer.getByRole('heading', { level: 2 }).first().textContent()) ?? '';

  // Bloom Fitness never speaks of guilt; "best" is a claim that needs proof.
  await drawer.getByLabel('Caption').fill('No guilty feelings, just the best class of your week.');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(panel.getByText('No findings')).toHaveCount(0);
  await expect(panel.locator('mark', { hasText: 'guilty' })).toBeVisible();
  await expect(panel.locator('mark', { hasText: 'best' })).toBeVisible();
  await expect(panel.getByText(/goes against the brand’s don’t “guilt”/)).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'brand-check-1-panel');

  await drawer.getByRole('button', { name: 'Send to client' }).click();
  const confirm = page.getByRole('dialog', { name: 'Send with open brand check warnings?' });
  await expect(confirm).toBeVisible();
  const held = confirm.getByRole('region', { name: title });
  await expect(held.locator('mark', { hasText: 'guilty' })).toBeVisible();
  await expect(held.locator('mark', { hasText: 'best' })).toBeVisible();
  await shot(page, 'brand-check-2-confirm');

  // Going back sends nothing.
  await confirm.getByRole('button', { name: 'Go back' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(drawer.getByRole('button', { name: 'Send to client' })).toBeVisible();

  await drawer.getByRole('button', { name: 'Send to client' }).click();
  await confirm.getByRole('button', { name: 'Send anyway' }).click();
  await expect(page.getByText(/moved to “With client”/)).toBeVisible();
  await drawer.getByRole('tab', { name: 'Activity' }).click();
  await expect(drawer.getByText(`sent “${title}” despite 2 brand check warnings`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: /^With client/ }).getByText(title)).toBeVisible();
});
