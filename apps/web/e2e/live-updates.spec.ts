import { expect, type Page, test } from '@playwright/test';
import { newCampaignWithIdeas, PHONE, shot, signedIn } from './support/helpers';

const run = Date.now().toString(36);
/** Longer than a stream needs, far shorter than any poll or cache time of these screens (30 s). */
const LIVE = { timeout: 5_000 };

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });

/** Marks the page so that a later check can tell it was never reloaded. */
async function markPage(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { unreloaded?: boolean }).unreloaded = true;
  });
}
async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
}

/** Waits until the page's live stream is open, so that a change made now reaches it. */
async function streamOpen(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-live', 'live');
}

/** A campaign of the seeded client with two generated drafts, on its board. */
async function campaignWithTwoDrafts(page: Page, name: string, brief: string) {
  await newCampaignWithIdeas(page, { client: 'Acme Coffee', name, brief, posts: 2 });
  const drafts = column(page, 'Drafts').getByTestId('idea-card');
  await expect(drafts).toHaveCount(2);
  return drafts;
}

test('when the client answers on a phone, then the agency’s board moves; when the agency resubmits, then the client’s screen shows it', async ({
  browser,
}) => {
  const agency = await signedIn(browser, 'owner@northwind.test');
  const campaignName = `Cold brew summer ${run}`;
  const drafts = await campaignWithTwoDrafts(
    agency.page,
    campaignName,
    'Two ways to make cold brew at home for the summer.',
  );
  const titles = await drafts.getByRole('heading').allTextContents();
  for (const card of await drafts.all()) await card.getByRole('checkbox').click();
  await agency.page.getByRole('button', { name: 'Send 2 to client' }).click();
  await expect(column(agency.page, 'With client').getByTestId('idea-card')).toHaveCount(2);
  await markPage(agency.page);
  await streamOpen(agency.page);
  const agencyBell = agency.page.getByRole('button', { name: /^Notifications/ }).first();
  const unreadBefore = await agencyBell.getAttribute('aria-label');

  const client = await signedIn(browser, 'client@acme-coffee.test', { viewport: PHONE });
  await client.page
    .getByRole('link', { name: new RegExp(campaignName) })
    .first()
    .click();
  const cards = client.page.getByTestId('review-card');
  await expect(cards).toHaveCount(2);
  await markPage(client.page);
  await streamOpen(client.page);

  // The client approves one: the agency's card moves to Approved, and its bell says so.
  const approvedTitle = (await cards.first().getByRole('heading', { level: 2 }).textContent()) ?? '';
  const clicked = Date.now();
  await cards.first().getByRole('button', { name: 'Approve' }).click();
  await expect(column(agency.page, 'Approved').getByText(approvedTitle)).toBeVisible(LIVE);
  test.info().annotations.push({
    type: 'approval reached the agency board',
    description: `${Date.now() - clicked} ms`,
  });
  await expect(agencyBell).not.toHaveAttribute('aria-label', unreadBefore ?? '', LIVE);
  await shot(agency.page, 'live-1-agency-board-after-approval');

  // It asks for changes on the other: the agency sees it under Changes requested.
  const changed = cards.first();
  await changed.getByRole('button', { name: /Changes/ }).click();
  await changed.getByLabel('What should change?').fill('Say how long it steeps.');
  await changed.getByRole('button', { name: 'Send change request' }).click();
  await expect(client.page.getByText('All done — thank you!')).toBeVisible();
  const changes = column(agency.page, 'Changes requested').getByTestId('idea-card');
  await expect(changes).toHaveCount(1, LIVE);
  expect(titles).toContain(approvedTitle);

  // The agency reworks and resubmits it: the client's screen, left open, shows it again.
  await changes.first().getByRole('button').last().click();
  const drawer = agency.page.getByRole('dialog');
  const reworked = `Cold brew, steeped 16 hours ${run}`;
  await drawer.getByLabel('Title').fill(reworked);
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(agency.page.getByText('Changes saved')).toBeVisible();
  await drawer.getByRole('button', { name: 'Resubmit to client' }).click();
  await expect(drawer.getByText('With client').first()).toBeVisible();
  await expect(cards).toHaveCount(1, LIVE);
  await expect(cards.first().getByRole('heading', { level: 2 })).toHaveText(reworked);
  await shot(client.page, 'live-2-client-sees-resubmitted-phone');

  await expectNotReloaded(agency.page);
  await expectNotReloaded(client.page);
  await agency.context.close();
  await client.context.close();
});

test('when the agency sends another idea, then a review link left open shows it; when its holder answers, then the board moves; when the agency withdraws one, then the link stops offering it', async ({
  browser,
}) => {
  const agency = await signedIn(browser, 'owner@northwind.test');
  const drafts = await campaignWithTwoDrafts(
    agency.page,
    `Espresso tonic ${run}`,
    'Espresso tonic: the summer drink, made two ways.',
  );
  await drafts.first().getByRole('checkbox').click();
  await agency.page.getByRole('button', { name: 'Send 1 to client' }).click();
  await expect(column(agency.page, 'With client').getByTestId('idea-card')).toHaveCount(1);

  await agency.page.getByRole('button', { name: 'Share for review' }).click();
  const dialog = agency.page.getByRole('dialog');
  await dialog.getByLabel('Reviewer’s name').fill('Alex Moreau');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const reviewUrl = await dialog.getByTestId('review-link-url').inputValue();
  await agency.page.keyboard.press('Escape');
  await markPage(agency.page);
  await streamOpen(agency.page);

  const holder = await browser.newContext({ viewport: PHONE, isMobile: true });
  const guest = await holder.newPage();
  await guest.goto(new URL(reviewUrl).pathname);
  const cards = guest.getByTestId('review-card');
  await expect(cards).toHaveCount(1);
  await markPage(guest);
  await streamOpen(guest);

  await column(agency.page, 'Drafts').getByTestId('idea-card').first().getByRole('checkbox').click();
  await agency.page.getByRole('button', { name: 'Send 1 to client' }).click();
  await expect(cards).toHaveCount(2, LIVE);
  await shot(guest, 'live-3-review-link-sees-new-idea-phone');

  const title = (await cards.first().getByRole('heading', { level: 2 }).textContent()) ?? '';
  await cards.first().getByRole('button', { name: 'Approve' }).click();
  await expect(column(agency.page, 'Approved').getByText(title)).toBeVisible(LIVE);

  // The agency takes the other back: the link's screen stops offering it.
  await column(agency.page, 'With client')
    .getByTestId('idea-card')
    .first()
    .getByRole('button')
    .last()
    .click();
  await agency.page.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
  await expect(agency.page.getByText(/moved to/).first()).toBeVisible();
  await agency.page.keyboard.press('Escape');
  await expect(column(agency.page, 'Drafts').getByTestId('idea-card')).toHaveCount(1);
  await expect(cards).toHaveCount(0, LIVE);

  await expectNotReloaded(agency.page);
  await expectNotReloaded(guest);
  await agency.context.close();
  await holder.close();
});

test('when the agency’s connection drops while the client answers, then the board catches up once it is back, resuming the stream', async ({
  browser,
}) => {
  const agency = await signedIn(browser, 'owner@northwind.test');
  const campaignName = `Iced latte ${run}`;
  const drafts = await campaignWithTwoDrafts(
    agency.page,
    campaignName,
    'Iced lattes for the first warm week.',
  );
  await drafts.first().getByRole('checkbox').click();
  await agency.page.getByRole('button', { name: 'Send 1 to client' }).click();
  await expect(column(agency.page, 'With client').getByTestId('idea-card')).toHaveCount(1);
  await markPage(agency.page);
  await streamOpen(agency.page);

  await agency.context.setOffline(true);
  await expect(agency.page.locator('html')).toHaveAttribute('data-live', 'reconnecting');
  const client = await signedIn(browser, 'client@acme-coffee.test', { viewport: PHONE });
  await client.page
    .getByRole('link', { name: new RegExp(campaignName) })
    .first()
    .click();
  const card = client.page.getByTestId('review-card');
  const title = (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(client.page.getByText('All done — thank you!')).toBeVisible();

  const resumed = agency.page.waitForRequest((request) =>
    /\/api\/events\?.*lastEventId=/.test(request.url()),
  );
  await agency.context.setOffline(false);
  await resumed;
  await expect(agency.page.locator('html')).toHaveAttribute('data-live', 'live', LIVE);
  await expect(column(agency.page, 'Approved').getByText(title)).toBeVisible(LIVE);
  await expectNotReloaded(agency.page);
  await agency.context.close();
  await client.context.close();
});
