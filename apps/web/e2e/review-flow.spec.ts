import { expect, type Locator, type Page, test } from '@playwright/test';
import { openCaughtMail, PHONE, shot, signedIn } from './support/helpers';

const run = Date.now().toString(36);
const clientName = `Luna Bakery ${run}`;
const campaignName = `Spring sourdough ${run}`;
const contactEmail = `hello+${run}@luna-bakery.test`;
/** The agency of owner@northwind.test, which invites the contact. */
const AGENCY = 'Northwind Social';
let boardPath = '';
let changedTitle = '';

test.describe.configure({ mode: 'serial' });

async function board(page: Page) {
  await page.goto(boardPath);
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
}

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });

test('(a) when the owner creates a client and a campaign and generates ideas, then three can be sent to the client', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await expect(page.getByRole('heading', { name: /Welcome back/ })).toBeVisible();
  // The feed reads the seeded audit log (and earlier tests'): every event must have its sentence.
  const recentActivity = page.getByRole('heading', { name: 'Recent activity' }).locator('xpath=../..');
  await expect(recentActivity.getByRole('listitem').first()).toBeVisible();
  await expect(recentActivity.getByRole('alert')).toHaveCount(0);
  await shot(page, 'a1-agency-dashboard');

  await page.getByRole('link', { name: 'Clients' }).first().click();
  await shot(page, 'a2-clients');
  await page.getByRole('link', { name: 'New client' }).first().click();
  await page.getByLabel('Brand name').fill(clientName);
  await page.getByLabel('Industry').fill('Neighbourhood bakery');
  await page
    .getByLabel('Brand voice')
    .fill('Warm, floury and honest. We talk like the baker you know by name.');
  await page.getByLabel('Tone keywords').fill('warm, honest, crafty');
  await page.getByLabel('Never say').fill('cheap\nartificial');
  await page.getByRole('button', { name: 'Instagram' }).click();
  await page.getByRole('button', { name: 'TikTok' }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { name: clientName })).toBeVisible();
  await shot(page, 'a3-brand-profile');

  await page.getByRole('link', { name: 'Team' }).first().click();
  await page.getByRole('button', { name: 'Invite' }).first().click();
  await page.getByLabel('Name').fill('Lena Baker');
  await page.getByLabel('Email').fill(contactEmail);
  await page.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Client' }).click();
  await page.getByLabel('Client', { exact: true }).click();
  await page.getByRole('option', { name: clientName }).click();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(contactEmail, { exact: true })).toBeVisible();
  await shot(page, 'a4-team');

  await page.getByRole('link', { name: 'Campaigns' }).first().click();
  await page.getByRole('link', { name: 'New campaign' }).first().click();
  await page.getByLabel('Client').click();
  await page.getByRole('option', { name: clientName }).click();
  await page.getByLabel('Campaign name').fill(campaignName);
  await page.getByLabel('Objective').fill('Fill the Saturday sourdough class');
  await page
    .getByLabel('Brief')
    .fill('Spring sourdough classes every Saturday; show the starter, the shaping, the crumb.');
  await page.getByLabel('Posts').fill('4');
  await page.getByLabel('Reels').fill('1');
  await shot(page, 'a5-new-campaign');
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
  boardPath = new URL(page.url()).pathname;
  await shot(page, 'a6-board-empty');

  await page.getByRole('button', { name: 'Generate ideas' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toBeVisible();
  await shot(page, 'a7-generating');
  await expect(page.getByRole('dialog').getByText(/new ideas are on the board/)).toBeVisible({
    timeout: 90_000,
  });
  await page.keyboard.press('Escape');
  const drafts = column(page, 'Drafts');
  await expect(drafts.getByTestId('idea-card')).toHaveCount(5);
  // The agency is told, in small print: smaller than the badges beside it.
  const offlineLabel = drafts.getByText('offline model').first();
  await expect(offlineLabel).toBeVisible();
  const fontSize = (locator: Locator) =>
    locator.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize));
  expect(await fontSize(offlineLabel)).toBeLessThan(
    await fontSize(drafts.getByText('Post', { exact: true }).first()),
  );
  await shot(page, 'a8-board-with-ideas');

  for (const card of (await drafts.getByTestId('idea-card').all()).slice(0, 3))
    await card.getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Send 3 to client' }).click();
  await expect(column(page, 'With client').getByTestId('idea-card')).toHaveCount(3);
  await shot(page, 'a9-board-sent-to-client');

  await column(page, 'With client').getByTestId('idea-card').first().getByRole('button').last().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shot(page, 'a10-idea-drawer');
});

test('(b) when the client reviews on a phone, then it requests changes on one with a comment and approves two', async ({
  browser,
}) => {
  // Invited by the agency: the first sign-in lands on the workspace page, where the contact accepts.
  const { page } = await signedIn(browser, contactEmail, { viewport: PHONE, accepting: AGENCY });
  await expect(page.getByText(/3 ideas are waiting/)).toBeVisible();
  // The sending reached the contact while it was still invited: one notification for three ideas.
  const bell = page.getByRole('button', { name: 'Notifications: 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('menuitem', { name: /sent 3 ideas for your review/ })).toBeVisible();
  await shot(page, 'b0-portal-bell-phone');
  await page.keyboard.press('Escape');
  await shot(page, 'b1-portal-home-phone');

  // The same sending, as mail: from the agency, one message for the three ideas.
  const mailbox = await page.context().newPage();
  const mail = await openCaughtMail(mailbox, contactEmail, /sent 3 ideas for your review/);
  await expect(mailbox.getByText(`From "${AGENCY}"`)).toBeVisible();
  await expect(mail.getByRole('heading', { name: /sent 3 ideas for your review/ })).toBeVisible();
  await expect(mail.getByRole('link', { name: 'Unsubscribe' })).toBeVisible();
  await shot(mailbox, 'b0-ideas-to-review-email');
  await mailbox.close();
  await page.getByRole('link', { name: new RegExp(campaignName) }).click();
  const cards = page.getByTestId('review-card');
  await expect(cards).toHaveCount(3);
  // Written by the offline model, which the agency is told and the client never.
  await expect(page.getByText('offline model')).toHaveCount(0);
  await shot(page, 'b2-review-phone');

  const first = cards.first();
  changedTitle = (await first.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await first.getByRole('button', { name: /Changes/ }).click();
  await first.getByRole('button', { name: 'Send change request' }).click();
  await expect(first.getByText(/Tell the agency what to change/)).toBeVisible();
  await first
    .getByLabel('What should change?')
    .fill('Lead with the crumb shot and mention the Saturday class.');
  await shot(page, 'b3-request-changes-phone');
  await first.getByRole('button', { name: 'Send change request' }).click();
  await expect(cards).toHaveCount(2);

  await page.getByRole('button', { name: 'Select all 2' }).click();
  await page.getByRole('button', { name: 'Approve 2' }).click();
  await expect(page.getByText('All done — thank you!')).toBeVisible();
  await page.getByRole('tab', { name: /Answered/ }).click();
  await expect(cards).toHaveCount(3);
  await shot(page, 'b4-answered-phone');
});

test('(c) when the owner edits the changed idea and resubmits, then the client sees what changed and approves it', async ({
  browser,
}) => {
  const owner = await signedIn(browser, 'owner@northwind.test');
  // The owner created the campaign: each of the client's three answers is in its bell.
  await owner.page
    .getByRole('button', { name: /^Notifications: \d+ unread$/ })
    .first()
    .click();
  await expect(
    owner.page.getByRole('menuitem', { name: `Lena Baker asked for changes to “${changedTitle}”` }),
  ).toBeVisible();
  await expect(owner.page.getByRole('menuitem', { name: /Lena Baker approved/ })).toHaveCount(2);
  await shot(owner.page, 'c0-agency-bell');
  await owner.page.getByRole('menuitem', { name: 'All notifications and email settings' }).click();
  await expect(owner.page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await owner.page.getByRole('button', { name: /^Mark all \d+ read$/ }).click();
  await expect(owner.page.getByRole('button', { name: 'Notifications', exact: true }).first()).toBeVisible();
  await shot(owner.page, 'c0-agency-notifications-page');
  await board(owner.page);
  const changes = column(owner.page, 'Changes requested');
  await expect(changes.getByTestId('idea-card')).toHaveCount(1);
  await expect(column(owner.page, 'Approved').getByTestId('idea-card')).toHaveCount(2);
  await changes.getByRole('button', { name: changedTitle }).click();
  const drawer = owner.page.getByRole('dialog');
  // The client's request is on top of the drawer, beside the text to rework.
  await expect(drawer.getByRole('figure', { name: 'The client’s request' })).toContainText(
    'Lead with the crumb shot',
  );
  await drawer.getByLabel('Hook').fill('That crumb. Learn to bake it yourself this Saturday.');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(owner.page.getByText('Changes saved')).toBeVisible();
  await drawer.getByRole('tab', { name: 'History' }).click();
  await expect(drawer.getByText('Version', { exact: false }).first()).toBeVisible();
  await shot(owner.page, 'c1-idea-history-diff');
  await drawer.getByRole('button', { name: 'Resubmit to client' }).click();
  await expect(drawer.getByText('With client').first()).toBeVisible();

  const client = await signedIn(browser, contactEmail, { viewport: PHONE });
  await client.page.getByRole('link', { name: new RegExp(campaignName) }).click();
  const card = client.page.getByTestId('review-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByText('Changed since you last saw it')).toBeVisible();
  await shot(client.page, 'c2-changed-since-last-seen-phone');
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(client.page.getByText('All done — thank you!')).toBeVisible();

  await board(owner.page);
  await expect(column(owner.page, 'Approved').getByTestId('idea-card')).toHaveCount(3);
  await shot(owner.page, 'c3-board-all-approved');
});
