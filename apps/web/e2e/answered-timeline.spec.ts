import { expect, test } from '@playwright/test';
import { newCampaignWithIdeas, PHONE, shot, signedIn } from './support/helpers';

const run = Date.now().toString(36);
const campaignName = `Second thoughts ${run}`;

test('when the client approves an idea and then asks for changes instead, then Answered shows both answers and the agency sees the change request', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const agency = await signedIn(browser, 'owner@northwind.test');
  const boardPath = await newCampaignWithIdeas(agency.page, {
    client: 'Acme Coffee',
    name: campaignName,
    brief: 'Two posts about our seasonal pour-over.',
    // The generation helper waits for "new ideas": two, of which one is sent.
    posts: 2,
  });
  const drafts = agency.page.getByRole('region', { name: /^Drafts/ }).getByTestId('idea-card');
  await expect(drafts).toHaveCount(2);
  await drafts.first().getByRole('checkbox').click();
  await agency.page.getByRole('button', { name: 'Send 1 to client' }).click();
  await expect(
    agency.page.getByRole('region', { name: /^With client/ }).getByTestId('idea-card'),
  ).toHaveCount(1);

  const { page } = await signedIn(browser, 'client@acme-coffee.test', { viewport: PHONE });
  await page.getByRole('link', { name: campaignName }).click();
  const card = page.getByTestId('review-card');
  await expect(card).toHaveCount(1);
  const title = (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('tab', { name: 'Answered (1)' })).toBeVisible();

  await page.getByRole('tab', { name: 'Answered (1)' }).click();
  const answers = card.getByRole('region', { name: 'Your answers' }).getByTestId('answer-entry');
  await expect(answers).toHaveCount(1);
  await expect(answers.first()).toContainText('Approved');
  await expect(answers.first()).toContainText('Priya Nair');

  await card.getByRole('button', { name: 'Change your answer' }).click();
  // The answer it has is not offered again.
  await expect(card.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Changes' }).click();
  await card.getByLabel('What should change?').fill('Mention that the beans are from Huila.');
  await card.getByRole('button', { name: 'Send change request' }).click();

  await expect(answers).toHaveCount(2);
  await expect(answers.nth(1)).toContainText('Asked for changes (changed from approved)');
  await expect(answers.nth(1)).toContainText('Mention that the beans are from Huila.');
  await expect(card.getByText('Changes requested', { exact: true })).toBeVisible();
  // The agency has not acted yet: the answer can still change.
  await expect(card.getByRole('button', { name: 'Change your answer' })).toBeVisible();
  // The confirmations would cover the timeline in the picture: they are closed first.
  const closers = page.getByRole('button', { name: 'Close toast' });
  await expect(async () => {
    if ((await closers.count()) > 0) await closers.first().click({ timeout: 1_000 });
    await expect(closers).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await shot(page, 'answered-timeline-phone');

  await agency.page.goto(boardPath);
  await expect(
    agency.page
      .getByRole('region', { name: /^Changes requested/ })
      .getByTestId('idea-card')
      .filter({ hasText: title }),
  ).toHaveCount(1);
});
