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

/** The seeded campaign every agency and client browser test works on. */
export const SEEDED_CAMPAIGN = /Autumn Single-Origin Launch/;

/** From any agency page: the seeded campaign's board. */
export async function openSeededCampaign(page: Page) {
  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await page.getByRole('link', { name: SEEDED_CAMPAIGN }).first().click();
}

/**
 * From any agency page: the drawer of the first idea of the seeded campaign, in the board's
 * column whose heading starts with `column` (any column when absent).
 */
export async function openSeededIdea(page: Page, column?: 'Drafts' | 'With client' | 'Changes requested') {
  await openSeededCampaign(page);
  const cards = column
    ? page.getByRole('region', { name: new RegExp(`^${column}`) }).getByTestId('idea-card')
    : page.getByTestId('idea-card');
  await cards.first().getByRole('button').last().click();
  return page.getByRole('dialog');
}

/**
 * The newest caught message to `recipient` whose subject matches, opened on the stack's dev
 * mailbox page (mail is sent by a job, so it is waited for).
 */
export async function openCaughtMail(page: Page, recipient: string, subject: RegExp) {
  const mailbox = process.env.E2E_MAILBOX_URL;
  if (!mailbox)
    throw new Error('E2E_MAILBOX_URL is not set: the browser tests start the stack that catches mail');
  const row = page.getByRole('row').filter({ hasText: recipient }).filter({ hasText: subject });
  await expect(async () => {
    await page.goto(mailbox);
    await expect(row.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // Followed rather than clicked: on a phone the mailbox's table is wider than the screen.
  const message = await row.first().getByRole('link').getAttribute('href');
  await page.goto(new URL(message ?? '/', mailbox).href);
  return page.frameLocator('iframe[title="HTML part"]');
}

interface NewCampaign {
  client: string;
  name: string;
  brief: string;
  posts: number;
  /** Separated by commas; the offline model writes one per idea, in turn. */
  themes?: string;
}

/** From any agency page: a new campaign of a client asking for `posts` posts; resolves on its board. */
export async function newCampaign(page: Page, campaign: NewCampaign): Promise<string> {
  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await page.getByRole('link', { name: 'New campaign' }).first().click();
  // The client list may arrive after the page: pick again until the choice holds.
  await expect(async () => {
    await page.getByLabel('Client').click();
    await page.getByRole('option', { name: campaign.client }).click({ timeout: 3_000 });
    await expect(page.getByLabel('Client')).toHaveText(new RegExp(campaign.client), { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByLabel('Campaign name').fill(campaign.name);
  await page.getByLabel('Brief').fill(campaign.brief);
  if (campaign.themes) await page.getByLabel('Themes').fill(campaign.themes);
  await page.getByLabel('Posts').fill(String(campaign.posts));
  await page.getByLabel('Reels').fill('0');
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('heading', { name: campaign.name })).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * From any agency page: a new campaign of a seeded client with `posts` generated draft posts;
 * resolves on its board, with the path of the board.
 */
export async function newCampaignWithIdeas(page: Page, campaign: NewCampaign): Promise<string> {
  const boardPath = await newCampaign(page, campaign);
  await generateIdeas(page);
  return boardPath;
}

/** On a campaign board: generates the campaign's ideas and closes the dialog once they are on the board. */
export async function generateIdeas(page: Page) {
  await page.getByRole('button', { name: 'Generate ideas' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('dialog').getByText(/new ideas? (is|are) on the board/)).toBeVisible({
    timeout: 90_000,
  });
  await page.keyboard.press('Escape');
}
