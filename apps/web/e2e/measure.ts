// Measures first-load JavaScript and time to a usable page for the campaign board and the
// portal review page. Starts its own stack unless E2E_BASE_URL points at a running one.
// Usage: pnpm --filter @muse/web measure
import { type Browser, chromium, type Page } from '@playwright/test';
import { startStack } from './support/stack.ts';

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

interface Measurement {
  page: string;
  jsKilobytes: number;
  jsFiles: number;
  usableMs: number;
}

async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('button', { name: new RegExp(email.replace(/[.]/g, '\\.')) }).click();
  await page.waitForURL(/\/(app|portal|admin)/);
}

/** Cold load in a fresh context (signed in, empty cache): JS bytes on the wire and time until `usable` is visible. */
async function measure(
  browser: Browser,
  baseUrl: string,
  email: string,
  path: string,
  usable: string,
  label: string,
): Promise<Measurement> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  const cold = await context.newPage();
  await page.close();
  // The sign-in page filled the context's cache: a first load must not use it. Bytes are counted
  // as Chromium received them (encodedDataLength), compressed as they travelled.
  const cdp = await context.newCDPSession(cold);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Set<string>();
  let bytes = 0;
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scripts.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (scripts.has(event.requestId)) bytes += event.encodedDataLength;
  });
  const started = Date.now();
  await cold.goto(`${baseUrl}${path}`);
  await cold.locator(usable).first().waitFor({ state: 'visible', timeout: 60_000 });
  const usableMs = Date.now() - started;
  await cold.waitForLoadState('networkidle');
  await context.close();
  return { page: label, jsKilobytes: Math.round(bytes / 1024), jsFiles: scripts.size, usableMs };
}

/** The first campaign linked from a list page, as a path. */
async function firstLink(
  browser: Browser,
  baseUrl: string,
  email: string,
  listPage: string,
  linkPrefix: string,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await page.goto(`${baseUrl}${listPage}`);
  // The list also links to pages such as /new, and its rows arrive after the first paint: wait for a campaign id.
  const handle = await page.waitForFunction(
    (prefix) =>
      [...document.querySelectorAll(`a[href^="${prefix}"]`)]
        .map((link) => link.getAttribute('href') ?? '')
        .find((candidate) => /[0-9a-f-]{36}$/.test(candidate)),
    linkPrefix,
    { timeout: 30_000 },
  );
  const href = (await handle.jsonValue()) as string;
  await context.close();
  return href;
}

async function main() {
  const stack = process.env.E2E_BASE_URL ? null : await startStack();
  const baseUrl = process.env.E2E_BASE_URL ?? stack?.webUrl ?? '';
  const browser = await chromium.launch(launchOptions);
  try {
    const board = await firstLink(
      browser,
      baseUrl,
      'owner@northwind.test',
      '/app/campaigns',
      '/app/campaigns/',
    );
    const review = await firstLink(
      browser,
      baseUrl,
      'client@acme-coffee.test',
      '/portal',
      '/portal/campaigns/',
    );
    const results = [
      await measure(
        browser,
        baseUrl,
        'owner@northwind.test',
        board,
        '[data-testid="idea-card"], [aria-labelledby^="column-"]',
        'campaign board',
      ),
      await measure(
        browser,
        baseUrl,
        'client@acme-coffee.test',
        review,
        '[data-testid="review-card"], h3',
        'portal review',
      ),
    ];
    console.table(results);
  } finally {
    await browser.close();
    await stack?.stop();
  }
}

await main();
