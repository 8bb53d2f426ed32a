import { expect, type Locator, type Page, test } from '@playwright/test';
import { newCampaignWithIdeas, shot, signedIn } from './support/helpers';

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });

/** Whether two on-screen boxes share any pixel. */
async function overlap(a: Locator, b: Locator) {
  // Never waits long for a box: a toast does not stay.
  const [one, two] = await Promise.all([
    a.boundingBox({ timeout: 2_000 }),
    b.boundingBox({ timeout: 2_000 }),
  ]);
  if (!one || !two) throw new Error('both must be on screen');
  return (
    one.x < two.x + two.width &&
    two.x < one.x + one.width &&
    one.y < two.y + two.height &&
    two.y < one.y + one.height
  );
}

test('when a toast shows while the bulk bar or the idea drawer is open, then it covers neither', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await newCampaignWithIdeas(page, {
    client: 'Acme Coffee',
    name: `Toast clearance ${Date.now().toString(36)}`,
    brief: 'Two posts about the morning pour-over.',
    posts: 2,
  });
  const drafts = column(page, 'Drafts').getByTestId('idea-card');
  await expect(drafts).toHaveCount(2);
  // One idea selected (the bulk bar is up) while the other is moved: its toast shows with the bar.
  await drafts.first().getByRole('checkbox').click();
  const bar = page.getByRole('toolbar', { name: 'Selected ideas' });
  await expect(bar).toBeVisible();
  await drafts.last().dragTo(column(page, 'Discarded'));
  const moved = page.locator('[data-sonner-toast]').filter({ hasText: /moved to/ });
  await expect(moved).toBeVisible();
  await expect(bar).toBeVisible();
  await expect.poll(() => overlap(moved, bar)).toBe(false);
  await shot(page, 'toast-1-above-bulk-bar');
  await bar.getByRole('button', { name: 'Clear selection' }).click();

  await drafts.first().getByRole('button').last().click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('Title').fill('The pour, slowly');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  const saved = page.locator('[data-sonner-toast]').filter({ hasText: 'Changes saved' });
  await expect(saved).toBeVisible();
  await expect.poll(() => overlap(saved, drawer)).toBe(false);
  await shot(page, 'toast-2-beside-drawer');
});
