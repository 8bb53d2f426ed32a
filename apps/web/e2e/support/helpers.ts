import path from 'node:path';
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

export const SCREENSHOTS = path.join(import.meta.dirname, '..', 'screenshots');

export async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const PHONE = { width: 375, height: 812 };

interface SignInOptions {
  viewport?: { width: number; height: number };
  /** A first sign-in of an invited person: accept the invitation of this agency on the workspace page. */
  accepting?: string;
}

/** A fresh browser context signed in as this user through the local sign-in page. */
export async function signedIn(
  browser: Browser,
  email: string,
  options: SignInOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(
    options.viewport ? { viewport: options.viewport, isMobile: options.viewport.width < 500 } : {},
  );
  const page = await context.newPage();
  await signInAs(page, email, options);
  return { context, page };
}

export async function signInAs(page: Page, email: string, options: Pick<SignInOptions, 'accepting'> = {}) {
  await page.goto('/sign-in');
  const demo = page.getByRole('button', { name: new RegExp(email.replace(/[.]/g, '\\.'), 'i') });
  if (await demo.count()) await demo.click();
  else {
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
  if (options.accepting) {
    await expect(page).toHaveURL(/\/workspaces/);
    await page.getByRole('button', { name: `Accept and open ${options.accepting}` }).click();
  }
  await expect(page).toHaveURL(/\/(app|portal|admin)/);
}
