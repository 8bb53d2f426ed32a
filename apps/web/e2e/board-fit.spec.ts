import { expect, type Page, test } from '@playwright/test';
import { newCampaignWithIdeas, openSeededCampaign, shot, signedIn } from './support/helpers';

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });

test('when the board opens at 1440 px, then its working columns fit, the closed ones are folded, and a wider board says it scrolls', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await openSeededCampaign(page);
  await expect(page.getByTestId('idea-card').first()).toBeVisible();
  const right = page.getByRole('button', { name: 'Scroll board columns right' });
  // Everything fits: no column runs past the window, so there is nothing to scroll to.
  for (const label of ['Drafts', 'With client', 'Changes requested', 'Approved']) {
    const box = await column(page, label).boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1440);
  }
  await expect(right).toHaveCount(0);
  await shot(page, 'board-1-fits-1440');

  // The closed columns are folded to their name and count, and open on request.
  const discarded = column(page, 'Discarded');
  await expect(discarded.getByRole('button', { expanded: false })).toBeVisible();
  await discarded.getByRole('button', { expanded: false }).click();
  await expect(discarded.getByRole('button', { name: 'Fold Discarded' })).toBeVisible();
  await column(page, 'Rejected by client').getByRole('button', { expanded: false }).click();
  // A working column that earlier tests emptied is folded too: opened, so the board is at its widest.
  for (const label of ['Drafts', 'With client', 'Changes requested', 'Approved']) {
    const folded = column(page, label).getByRole('button', { expanded: false });
    if ((await folded.count()) > 0) await folded.click();
  }
  // Now wider than the window: an arrow says so, and scrolls.
  await expect(right).toBeVisible();
  await right.click();
  await expect(page.getByRole('button', { name: 'Scroll board columns left' })).toBeVisible();
  await shot(page, 'board-2-scrolls');
});

test('when a card is dragged to a column it may move to, then it moves; a column it may not move to takes no drop', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await newCampaignWithIdeas(page, {
    client: 'Acme Coffee',
    name: `Drag and drop ${Date.now().toString(36)}`,
    brief: 'Three posts about our decaf.',
    posts: 3,
  });
  const drafts = column(page, 'Drafts').getByTestId('idea-card');
  await expect(drafts).toHaveCount(3);
  const first = (await drafts.first().getByRole('heading').textContent()) ?? '';

  // Approving is the client's move: Approved takes no drop from the agency.
  await drafts.first().dragTo(column(page, 'Approved'));
  await expect(drafts).toHaveCount(3);

  await drafts.first().dragTo(column(page, 'With client'));
  // A send goes through the brand check: with warnings, it asks first (brand-check.spec covers that).
  const sent = page.getByText(/moved to/).first();
  const confirm = page.getByRole('dialog', { name: /brand check warnings/ });
  await expect(sent.or(confirm).first()).toBeVisible();
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Send anyway' }).click();
  await expect(sent).toBeVisible();
  await expect(column(page, 'With client').getByText(first)).toBeVisible();

  // A folded column still takes what may move there.
  const second = (await drafts.first().getByRole('heading').textContent()) ?? '';
  await drafts.first().dragTo(column(page, 'Discarded'));
  await expect(drafts).toHaveCount(1);
  await column(page, 'Discarded').getByRole('button', { expanded: false }).click();
  await expect(column(page, 'Discarded').getByText(second)).toBeVisible();
});
