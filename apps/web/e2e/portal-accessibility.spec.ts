import fs from 'node:fs';
import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type AxeFinding, axeViolations } from './support/axe';
import { newCampaignWithIdeas, PHONE, shot, signedIn } from './support/helpers';

const run = Date.now().toString(36);
const campaignName = `Cold brew at home ${run}`;
const CLIENT = 'client@acme-coffee.test';
const DESKTOP = { width: 1440, height: 900 };
let reviewPath = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(180_000);
  const { page, context } = await signedIn(browser, 'owner@northwind.test');
  await newCampaignWithIdeas(page, {
    client: 'Acme Coffee',
    name: campaignName,
    brief: 'Three ways to make cold brew at home with our house blend.',
    posts: 3,
  });
  const drafts = page.getByRole('region', { name: /^Drafts/ }).getByTestId('idea-card');
  await expect(drafts).toHaveCount(3);
  for (const card of await drafts.all()) await card.getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Send 3 to client' }).click();
  await expect(page.getByRole('region', { name: /^With client/ }).getByTestId('idea-card')).toHaveCount(3);
  await context.close();

  const client = await signedIn(browser, CLIENT);
  await client.page.getByRole('link', { name: campaignName }).click();
  await expect(client.page.getByTestId('review-card')).toHaveCount(3);
  reviewPath = new URL(client.page.url()).pathname;
  await client.context.close();
});

async function openReview(browser: Browser, viewport: { width: number; height: number }) {
  const client = await signedIn(browser, CLIENT, { viewport });
  await client.page.goto(reviewPath);
  await expect(client.page.getByTestId('review-card')).toHaveCount(3);
  // The cards are rendered on the server: the shortcuts work once the page's scripts have run.
  await client.page.waitForLoadState('networkidle');
  return client;
}

/** The window's scroll position once a smooth scroll has come to rest. */
async function restingScrollY(page: Page) {
  let last = Number.NaN;
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => window.scrollY);
        const resting = now === last;
        last = now;
        return resting;
      },
      { intervals: [150] },
    )
    .toBe(true);
  return last;
}

test('when axe checks sign-in, portal home and portal review on a phone and a desktop, then it finds no violations', async ({
  browser,
}) => {
  const found: AxeFinding[] = [];
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    const guest = await browser.newContext({ viewport, isMobile: viewport.width < 500 });
    const signIn = await guest.newPage();
    await signIn.goto('/sign-in');
    await expect(signIn.getByRole('heading', { name: 'Sign in to Muse' })).toBeVisible();
    found.push(...(await axeViolations(signIn, `sign-in, ${name}`)));
    await guest.close();

    const { page, context } = await signedIn(browser, CLIENT, { viewport });
    await expect(page.getByRole('link', { name: campaignName })).toBeVisible();
    found.push(...(await axeViolations(page, `portal home, ${name}`)));
    await page.getByRole('link', { name: campaignName }).click();
    await expect(page.getByTestId('review-card')).toHaveCount(3);
    found.push(...(await axeViolations(page, `portal review, ${name}`)));
    await context.close();
  }
  expect(found).toEqual([]);
});

test('when a keyboard user tabs into the portal, then the first stop skips the header to the content', async ({
  browser,
}) => {
  const { page, context } = await openReview(browser, PHONE);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  const box = await skip.boundingBox();
  expect(box?.width).toBeGreaterThan(40);
  expect(box?.y).toBeGreaterThanOrEqual(0);
  await shot(page, 'portal-skip-link-phone');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // The next stop is in the content, not the header's logo, bell or menu.
  await page.keyboard.press('Tab');
  await expect(page.locator('main#main :focus')).toHaveCount(1);
  await context.close();
});

test('when the client reviews on a phone, then the checkbox, Comments and the answers are at least 44 px to tap', async ({
  browser,
}) => {
  const { page, context } = await openReview(browser, PHONE);
  const card = page.getByTestId('review-card').first();
  const targets = [
    card.getByRole('checkbox'),
    card.getByRole('button', { name: 'Comments' }),
    card.getByRole('button', { name: 'Approve' }),
    card.getByRole('button', { name: /Changes/ }),
    card.getByRole('button', { name: 'Reject' }),
    page.getByRole('button', { name: 'Select all 3' }),
  ];
  for (const target of targets) {
    const box = await target.boundingBox();
    expect(box, await target.evaluate((node) => node.outerHTML.slice(0, 120))).not.toBeNull();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
  // A tap at the edge of the target, outside the drawn box, still ticks it.
  const checkbox = card.getByRole('checkbox');
  await checkbox.click({ position: { x: 3, y: 3 } });
  await expect(checkbox).toBeChecked();
  await expect(page.getByRole('toolbar', { name: 'Bulk approval' })).toContainText('1 selected');
  await shot(page, 'portal-touch-targets-phone');
  await checkbox.click();
  await expect(checkbox).not.toBeChecked();
  await context.close();
});

test('when the client presses the arrow keys, then the page scrolls within the card; j and k change cards', async ({
  browser,
}) => {
  const { page, context } = await openReview(browser, PHONE);
  const cards = page.getByTestId('review-card');
  await page.keyboard.press('j');
  await expect(cards.nth(0)).toBeFocused();
  const before = await restingScrollY(page);
  for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowDown');
  await expect(cards.nth(0)).toBeFocused();
  expect(await restingScrollY(page)).toBeGreaterThan(before);
  await page.keyboard.press('ArrowUp');
  await expect(cards.nth(0)).toBeFocused();

  await page.keyboard.press('j');
  await expect(cards.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(cards.nth(0)).toBeFocused();
  await context.close();
});

test('when the client answers from the keyboard or by tapping, then the focus goes to the card in its place, and to the thank-you after the last', async ({
  browser,
}) => {
  const { page, context } = await openReview(browser, DESKTOP);
  const cards = page.getByTestId('review-card');
  const second = (await cards.nth(1).getByRole('heading', { level: 2 }).textContent()) ?? '';
  const third = (await cards.nth(2).getByRole('heading', { level: 2 }).textContent()) ?? '';

  await page.keyboard.press('j');
  await page.keyboard.press('c');
  await expect(page.getByLabel('What should change?')).toBeFocused();
  await page.keyboard.type('Use the one-litre jar in the photo.');
  await page.keyboard.press('Control+Enter');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toBeFocused();
  await expect(cards.nth(0)).toContainText(second);

  await page.keyboard.press('a');
  await expect(cards).toHaveCount(1);
  await expect(cards.nth(0)).toBeFocused();
  await expect(cards.nth(0)).toContainText(third);

  await cards.nth(0).getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('All done — thank you!')).toBeVisible();
  await expect(page.locator(':focus')).toContainText('All done — thank you!');
  await shot(page, 'portal-all-done-focused');
  await context.close();
});

/** The build's chunks that carry Clerk's SDK: its package names are in its code. */
function clerkChunks() {
  const chunks = path.join(import.meta.dirname, '..', '.next', 'static', 'chunks');
  return fs
    .readdirSync(chunks, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .filter((file) => fs.readFileSync(path.join(chunks, file), 'utf8').includes('@clerk/'))
    .map((file) => path.basename(file));
}

test('when local sign-in is on, then neither sign-in nor the portal loads Clerk’s SDK, and no request fails', async ({
  browser,
}) => {
  // The build holds the SDK for Clerk mode: what must not happen is a local page loading it.
  const sdk = clerkChunks();
  expect(sdk.length).toBeGreaterThan(0);

  const context = await browser.newContext({ viewport: PHONE, isMobile: true });
  const page = await context.newPage();
  const scripts: { url: string; body: Promise<string> }[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    if (response.request().resourceType() === 'script')
      scripts.push({ url: response.url(), body: response.text().catch(() => '') });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  await page.goto('/sign-in');
  await page.getByRole('button', { name: new RegExp(CLIENT.replace(/[.]/g, '\\.')) }).click();
  await expect(page).toHaveURL(/\/portal/);
  await expect(page.getByRole('link', { name: campaignName })).toBeVisible();
  await page.goto(reviewPath);
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(scripts.length).toBeGreaterThan(0);
  const loaded = await Promise.all(scripts.map(async ({ url, body }) => ({ url, body: await body })));
  expect(loaded.filter(({ url }) => sdk.some((chunk) => url.includes(chunk))).map(({ url }) => url)).toEqual(
    [],
  );
  // The split points themselves name `ClerkProvider`; only the SDK carries its package names.
  expect(loaded.filter(({ body }) => body.includes('@clerk/')).map(({ url }) => url)).toEqual([]);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
