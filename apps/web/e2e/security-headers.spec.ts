import { expect, type Page, type Response, test } from '@playwright/test';

/** Collects the browser's Content-Security-Policy complaints for this page. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

function nonceOf(response: Response | null): string {
  const policy = response?.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `a nonce in: ${policy}`).toBeTruthy();
  return nonce as string;
}

function expectSecurityHeaders(response: Response | null) {
  const headers = response?.headers() ?? {};
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toContain("'unsafe-eval'");
  for (const directive of [
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ]) {
    expect(policy).toContain(directive);
  }
  expect(policy).toMatch(new RegExp(`connect-src 'self' ${new URL(process.env.E2E_API_URL ?? '').origin}`));
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  // The launcher serves a production build of the web app.
  expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
}

/** Next's client runtime sets `window.next` once its scripts have run, so the nonce let them through. */
async function expectScriptsRan(page: Page) {
  await page.waitForFunction(() => Boolean((window as { next?: { version?: string } }).next?.version));
}

test('when sign-in and an app page load, then they send the security headers and a fresh CSP nonce each time, and still work', async ({
  page,
}) => {
  const violations = cspViolations(page);

  const first = await page.goto('/sign-in');
  expectSecurityHeaders(first);
  const second = await page.goto('/sign-in');
  expectSecurityHeaders(second);
  expect(nonceOf(second)).not.toBe(nonceOf(first));

  await expectScriptsRan(page);
  await expect(page.getByRole('form', { name: 'Demo accounts' }).getByRole('button')).not.toHaveCount(0);
  await page.getByRole('button', { name: /owner@northwind\.test/ }).click();
  await expect(page).toHaveURL(/\/app/);

  const app = await page.goto('/app');
  expectSecurityHeaders(app);
  await expectScriptsRan(page);
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('when sign-in is opened with an error, then only a known code shows its own message and any other text a generic one', async ({
  page,
}) => {
  // Next keeps an empty route announcer with role=alert outside the page's main content.
  const notice = page.getByRole('main').getByRole('alert');
  const phishing = 'Your account is locked, call +1 555 0100';
  await page.goto(`/sign-in?error=${encodeURIComponent(phishing)}`);
  await expect(notice).toHaveText('Sign-in failed. Try again.');
  await expect(page.getByText(phishing)).toHaveCount(0);

  await page.goto('/sign-in?error=no-account');
  await expect(notice).toHaveText(
    'There is no Muse account for this email. Ask your agency admin for an invitation.',
  );
});
