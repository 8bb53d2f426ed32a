import { ensureLocalKeyPair, localSubject, mintLocalToken } from '@muse/local-auth';
import { type BrowserContext, expect, test } from '@playwright/test';
import { shot, signedIn } from './support/helpers';

/**
 * Hands the page API tokens that name no sign-in session. Local sign-in ends a suspended agency's
 * sessions, so its pages go back to sign-in; with Clerk the identity provider keeps the session
 * and the API answers each call 403 `tenant_suspended`. Tokens without a session are answered
 * the same way, by the API itself.
 */
async function keepSessionThroughSuspension(context: BrowserContext, email: string) {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir)
    throw new Error('E2E_DATA_DIR is not set: the browser tests start the stack that holds the keys');
  const { privateKeyPem } = ensureLocalKeyPair(dataDir);
  const authorizedParty = new URL(process.env.E2E_BASE_URL ?? '').origin;
  await context.route('**/session/token', async (route) => {
    const issued = await (await route.fetch()).json();
    const token = await mintLocalToken(privateKeyPem, {
      subject: localSubject(email),
      email,
      authorizedParty,
    });
    await route.fulfill({ json: { ...issued, token } });
  });
}

test('when an agency is suspended while its admin has Muse open, then its area shows one page saying so, with sign out', async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const agency = `Paused Studio ${run}`;
  const email = `lead+${run}@paused-studio.test`;
  const admin = await signedIn(browser, 'admin@muse.test');
  await admin.page.getByRole('button', { name: 'New agency' }).click();
  await admin.page.getByLabel('Agency name').fill(agency);
  await admin.page.getByLabel('Name', { exact: true }).fill('Pat Paused');
  await admin.page.getByLabel('Email', { exact: true }).fill(email);
  await admin.page.getByRole('button', { name: 'Create agency' }).click();
  const row = admin.page.getByTestId('tenant-row').filter({ hasText: agency });
  await expect(row).toBeVisible();

  const { context, page } = await signedIn(browser, email, { accepting: agency });
  await keepSessionThroughSuspension(context, email);
  await expect(page.getByRole('heading', { name: 'Welcome, Pat' })).toBeVisible();

  await row.getByRole('button', { name: /Actions for/ }).click();
  await admin.page.getByRole('menuitem', { name: 'Suspend' }).click();
  await admin.page.getByRole('button', { name: 'Suspend agency' }).click();
  await expect(row.getByText('Suspended')).toBeVisible();

  // The next call the page makes hears the suspension: here, the team page's first load (the
  // dashboard's own data is still fresh in the page, so going back there would ask nothing).
  const suspended = page.getByRole('heading', { name: `${agency} is suspended` });
  await page.getByRole('link', { name: 'Team' }).first().click();
  await expect(suspended).toBeVisible();
  await expect(page.getByText(/To reactivate it, contact the Muse platform team\./)).toBeVisible();
  // One page in place of the area: no panel of its own error, no navigation into it.
  await expect(page.getByText('This didn’t load')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Campaigns' })).toHaveCount(0);
  await shot(page, 's1-suspended-agency');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await context.close();
});
