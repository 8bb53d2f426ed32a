import { expect, type Page, test } from '@playwright/test';
import { shot, signedIn } from './support/helpers';

const run = Date.now().toString(36);
const freelancer = { name: 'Rae Freelance', email: `rae+${run}@freelance.test` };
/** A seeded client of each agency. */
const NORTHWIND_CLIENT = 'Acme Coffee';
const BLUE_HARBOR_CLIENT = 'Harbor Books';

async function invite(page: Page) {
  await page.goto('/app/team');
  await page.getByRole('button', { name: 'Invite' }).first().click();
  await page.getByLabel('Name').fill(freelancer.name);
  await page.getByLabel('Email').fill(freelancer.email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(freelancer.email, { exact: true })).toBeVisible();
}

test('(w) when two agencies invite one person, then it joins each only by accepting and switches between them', async ({
  browser,
}) => {
  for (const owner of ['owner@northwind.test', 'owner@blueharbor.test']) {
    const { page, context } = await signedIn(browser, owner);
    await invite(page);
    await context.close();
  }

  // Signing in joins nothing: both invitations wait on the workspace page.
  const { page } = await signedIn(browser, freelancer.email, { accepting: 'Northwind Social' });
  await expect(page.getByText('Northwind Social').first()).toBeVisible();
  await shot(page, 'w1-first-workspace');

  await page
    .getByRole('button', { name: `Account: ${freelancer.name}` })
    .first()
    .click();
  await page.getByRole('menuitem', { name: 'Switch workspace' }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByRole('button', { name: /Northwind Social/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept and open Blue Harbor Agency' })).toBeVisible();
  await shot(page, 'w2-workspace-page');
  await page.getByRole('button', { name: 'Accept and open Blue Harbor Agency' }).click();
  await expect(page).toHaveURL(/\/app$/);
  await expect(page.getByText('Blue Harbor Agency').first()).toBeVisible();

  // The same person, in each workspace, sees that agency's clients only.
  await page.goto('/app/clients');
  await expect(page.getByText(BLUE_HARBOR_CLIENT).first()).toBeVisible();
  await expect(page.getByText(NORTHWIND_CLIENT)).toHaveCount(0);

  // Back to the first: a full page load, and its data again.
  await page.goto('/workspaces');
  await page.getByRole('button', { name: /Northwind Social/ }).click();
  await expect(page).toHaveURL(/\/app$/);
  await page.goto('/app/clients');
  await expect(page.getByText(NORTHWIND_CLIENT).first()).toBeVisible();
  await expect(page.getByText(BLUE_HARBOR_CLIENT)).toHaveCount(0);
});
