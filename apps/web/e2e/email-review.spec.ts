import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { newCampaignWithIdeas, openCaughtMail, PHONE, shot, signedIn } from './support/helpers';

const run = Date.now().toString(36);
const campaignName = `Holiday gift boxes ${run}`;
const reviewer = 'Rita Moreno';
const reviewerEmail = `rita+${run}@client.test`;
let boardPath = '';
let changedTitle = '';

test.describe.configure({ mode: 'serial' });

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });
const hrefOf = async (mail: FrameLocator, name: string | RegExp) =>
  (await mail.getByRole('link', { name }).first().getAttribute('href')) ?? '';

test('(a) when the agency shares a campaign with a reviewer and sends three ideas, then the reviewer is mailed the ideas', async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, 'owner@northwind.test');
  boardPath = await newCampaignWithIdeas(page, {
    client: 'Acme Coffee',
    name: campaignName,
    brief: 'Three gift boxes for the holidays, each with a mug and a bag of beans.',
    posts: 3,
  });

  await page.getByRole('button', { name: 'Share for review' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reviewer’s name').fill(reviewer);
  await dialog.getByLabel('Email (optional)').fill(reviewerEmail);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByTestId('review-link-row')).toContainText(`${reviewer}`);
  await page.keyboard.press('Escape');

  const drafts = column(page, 'Drafts').getByTestId('idea-card');
  await expect(drafts).toHaveCount(3);
  for (const card of await drafts.all()) await card.getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Send 3 to client' }).click();
  await expect(column(page, 'With client').getByTestId('idea-card')).toHaveCount(3);
  await context.close();
});

test('(b) when the reviewer, without an account, approves one from the email, and asks for changes on one and rejects one through the link', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true });
  const page = await context.newPage();
  const mail = await openCaughtMail(page, reviewerEmail, /sent 3 ideas for your review/);
  await expect(mail.getByRole('link', { name: 'Approve' })).toHaveCount(3);
  await expect(mail.getByRole('link', { name: 'Request changes' })).toHaveCount(3);
  await shot(page, 'email-1-ideas-to-review');
  const approve = await hrefOf(mail, 'Approve');
  const review = await hrefOf(mail, 'Open your reviews');

  // The button opens a page that asks; only the tap answers.
  await page.goto(approve);
  const question = page.getByRole('heading', { name: /^Approve “/ });
  await expect(question).toBeVisible();
  const approvedTitle = ((await question.textContent()) ?? '').replace(/^Approve “(.*)”\?$/, '$1');
  await shot(page, 'email-2-approve-confirmation-phone');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('status')).toHaveText(`Approved: ${approvedTitle}`);
  await shot(page, 'email-3-approved-phone');
  // The same button again answers nothing more: it says where the idea stands.
  await page.goto(approve);
  await expect(page.getByRole('status')).toHaveText(`Approved: ${approvedTitle}`);

  await page.goto(review);
  const cards = page.getByTestId('review-card');
  await expect(cards).toHaveCount(2);
  const first = cards.first();
  changedTitle = (await first.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await first.getByRole('button', { name: /Changes/ }).click();
  await first.getByLabel('What should change?').fill('Put the mug in the first picture.');
  await first.getByRole('button', { name: 'Send change request' }).click();
  await expect(cards).toHaveCount(1);
  await cards.first().getByRole('button', { name: 'Reject' }).click();
  await cards.first().getByRole('button', { name: 'Reject idea' }).click();
  await expect(page.getByText('All done — thank you!')).toBeVisible();
  await context.close();
});

test('(c) when the agency looks, then its bell and its mail show the answers; the resubmitted idea reaches the reviewer as changed since it saw it', async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, 'owner@northwind.test');
  const bell = page.getByRole('button', { name: /^Notifications: \d+ unread$/ }).first();
  await bell.click();
  await expect(
    page.getByRole('menuitem', { name: `${reviewer} (review link) asked for changes to “${changedTitle}”` }),
  ).toBeVisible();
  await expect(
    page.getByRole('menuitem', { name: new RegExp(`^${reviewer} \\(review link\\) approved`) }),
  ).toBeVisible();
  await expect(
    page.getByRole('menuitem', { name: new RegExp(`^${reviewer} \\(review link\\) rejected`) }),
  ).toBeVisible();
  await shot(page, 'email-4-agency-bell');
  await page.keyboard.press('Escape');

  const mailbox = await context.newPage();
  const agencyMail = await openCaughtMail(
    mailbox,
    'owner@northwind.test',
    /review link\) (asked for changes|rejected)|updates on your campaigns/,
  );
  // The last match: the first is the message's hidden preview line.
  await expect(agencyMail.getByText(new RegExp(`${reviewer} \\(review link\\)`)).last()).toBeVisible();
  await shot(mailbox, 'email-5-agency-answers-mail');
  await mailbox.close();

  await page.goto(boardPath);
  await column(page, 'Changes requested').getByRole('button', { name: changedTitle }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('Hook').fill('The mug comes first: unwrap the morning.');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await drawer.getByRole('button', { name: 'Resubmit to client' }).click();
  await expect(drawer.getByText('With client').first()).toBeVisible();
  await context.close();

  const guest = await browser.newContext({ viewport: PHONE, isMobile: true });
  const guestPage = await guest.newPage();
  const again = await openCaughtMail(guestPage, reviewerEmail, /sent 1 idea for your review/);
  await guestPage.goto(await hrefOf(again, 'Open your reviews'));
  const card = guestPage.getByTestId('review-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByText(/Changed since you last saw it/)).toBeVisible();
  await shot(guestPage, 'email-6-changed-since-last-seen-phone');
  await guest.close();
});
