import { expect, test } from '@playwright/test';
import { signedIn } from './support/helpers';

const apiMe = () => `${process.env.E2E_API_URL}/api/me`;

test('when a user signs out, then a copy of their cookies signs nobody in', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'owner@northwind.test');
  await expect(page.getByRole('heading', { name: /Welcome back/ })).toBeVisible();
  const copied = await context.cookies();
  expect(copied.map((cookie) => cookie.name)).toContain('muse_session');

  // While signed in, a token the copied cookies mint is the user's.
  const before = await (await context.request.get('/session/token')).json();
  const meBefore = await context.request.get(apiMe(), {
    headers: { authorization: `Bearer ${before.token}` },
  });
  expect(meBefore.status()).toBe(200);

  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto('/app');
  // The page shell may paint from the cookie; the API refuses its session, so it lands on sign-in.
  await expect(stolen).toHaveURL(/\/sign-in\?expired=1/);
  await expect(stolen.getByRole('heading', { name: 'Sign in to Muse' })).toBeVisible();
  await expect(stolen.getByRole('heading', { name: /Welcome back/ })).toHaveCount(0);

  const after = await (await thief.request.get('/session/token')).json();
  const meAfter = await thief.request.get(apiMe(), { headers: { authorization: `Bearer ${after.token}` } });
  expect(meAfter.status()).toBe(401);
  expect((await meAfter.json()).error.message).toBe('This session has ended; sign in again');

  // Nor does the identity cookie: the workspace page, which could open another workspace, sends it to sign-in.
  await thief.addCookies(copied);
  await stolen.goto('/workspaces');
  await expect(stolen).toHaveURL(/\/sign-in\?expired=1/);
  await thief.close();
  await context.close();
});
