import { expect, type Page, test } from '@playwright/test';
import { generateIdeas, newCampaign, shot, signedIn } from './support/helpers';

const run = Date.now().toString(36);
const clientName = `Tidewater Books ${run}`;
const campaignName = `Winter paperbacks ${run}`;
const contactEmail = `reviews+${run}@tidewater.test`;
const AGENCY = 'Northwind Social';
let boardPath = '';
let clientPath = '';
let firstCaptions: number[] = [];

test.describe.configure({ mode: 'serial' });

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Every draft's caption as the drawer shows it, one card after another, once all `count` are on the board. */
async function draftCaptions(page: Page, count: number): Promise<string[]> {
  const captions: string[] = [];
  const cards = column(page, 'Drafts').getByTestId('idea-card');
  await expect(cards).toHaveCount(count);
  for (let index = 0; index < (await cards.count()); index++) {
    await cards.nth(index).getByRole('button').last().click();
    const drawer = page.getByRole('dialog');
    captions.push(await drawer.getByLabel('Caption').inputValue());
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
  }
  return captions;
}

test('(a) when the agency sends ideas that say “cheap”, then the client turns them down for it and asks twice for shorter ones', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await page.getByRole('link', { name: 'Clients' }).first().click();
  await page.getByRole('link', { name: 'New client' }).first().click();
  await page.getByLabel('Brand name').fill(clientName);
  await page.getByLabel('Industry').fill('Independent bookshop');
  await page.getByLabel('Brand voice').fill('Bookish and warm, like a friend handing you a novel.');
  await page.getByRole('button', { name: 'Instagram' }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { name: clientName })).toBeVisible();
  clientPath = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Team' }).first().click();
  await page.getByRole('button', { name: 'Invite' }).first().click();
  await page.getByLabel('Name').fill('Ivy Marsh');
  await page.getByLabel('Email').fill(contactEmail);
  await page.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Client' }).click();
  await page.getByLabel('Client', { exact: true }).click();
  await page.getByRole('option', { name: clientName }).click();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(contactEmail, { exact: true })).toBeVisible();

  // The offline model writes the themes in turn: of five posts, at least two say “cheap” and two do not.
  boardPath = await newCampaign(page, {
    client: clientName,
    name: campaignName,
    brief: 'Paperbacks to read by the fire all winter.',
    themes: 'cheap paperbacks, winter reading',
    posts: 5,
  });

  await generateIdeas(page);
  const captions = await draftCaptions(page, 5);
  expect(captions).toHaveLength(5);
  expect(captions.filter((caption) => /cheap/i.test(caption)).length).toBeGreaterThanOrEqual(2);
  firstCaptions = captions.map((caption) => caption.length);

  await column(page, 'Drafts').getByRole('button', { name: 'Select all' }).click();
  await page.getByRole('button', { name: 'Send 5 to client' }).click();
  const confirm = page.getByRole('dialog', { name: 'Send with open brand check warnings?' });
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Send anyway' }).click();
  await expect(column(page, 'With client').getByTestId('idea-card')).toHaveCount(5);

  const client = await signedIn(browser, contactEmail, { accepting: AGENCY });
  await client.page.getByRole('link', { name: new RegExp(campaignName) }).click();
  const cards = client.page.getByTestId('review-card');
  await expect(cards).toHaveCount(5);
  // Every idea that says “cheap” is turned down (two say why); two others come back as too long, the
  // rest is approved.
  const reasons = ['Too cheap sounding for a bookshop.', 'This sounds cheap. We are not a discount shop.'];
  const requests = ['Far too long, shorter please.', 'Shorter please: people read this on a phone.'];
  for (let left = 5; left > 0; left--) {
    const cheap = cards.filter({ hasText: /cheap/i });
    if ((await cheap.count()) > 0) {
      const card = cheap.first();
      await card.getByRole('button', { name: 'Reject' }).click();
      const reason = reasons.shift();
      if (reason) await card.getByLabel('Why doesn’t it work? (optional)').fill(reason);
      await card.getByRole('button', { name: 'Reject idea' }).click();
    } else if (requests.length > 0) {
      const card = cards.first();
      await card.getByRole('button', { name: /changes/i }).click();
      await card.getByLabel('What should change?').fill(requests.shift() as string);
      await card.getByRole('button', { name: 'Send change request' }).click();
    } else {
      await cards.first().getByRole('button', { name: 'Approve' }).click();
    }
    await expect(cards).toHaveCount(left - 1);
  }
  expect(reasons).toEqual([]);
  expect(requests).toEqual([]);
  await expect(client.page.getByText('All done — thank you!')).toBeVisible();
  await client.context.close();
});

test('(b) when the round is answered, then the brand page suggests never to say “cheap” and a shorter caption, with the evidence, and accepting keeps an edit under way', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await page.goto(clientPath);
  const suggestions = page.getByRole('region', { name: /Suggestions from review/ });
  const neverSay = suggestions.getByRole('listitem', { name: /^Never say: cheap$/ });
  const captionLength = suggestions.getByRole('listitem', { name: /^Caption length · Instagram: / });
  // The suggestions come from a job once the last answer is in: reload until it has run.
  await expect(async () => {
    await page.reload();
    await expect(neverSay).toBeVisible({ timeout: 2_000 });
    await expect(captionLength).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(neverSay).toContainText('“Too cheap sounding for a bookshop.”');
  await expect(neverSay).toContainText(/Seen \d+ times · \d+ ideas · 2 comments/);
  await expect(neverSay).toContainText(/(High|Medium) confidence/);
  await shot(page, 'brand-learning-1-suggestions');

  // A half-made edit of the profile survives a suggestion accepted above it.
  const voice = page.getByLabel('Brand voice');
  const original = await voice.inputValue();
  await voice.fill(`${original} Never in a hurry.`);
  await neverSay.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('Added to the brand profile')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Never say' })).toHaveValue('cheap');
  await expect(voice).toHaveValue(`${original} Never in a hurry.`);
  await voice.fill(original);

  // The length, edited before it is accepted, with the reason kept in the history.
  await captionLength.getByRole('button', { name: 'Edit' }).click();
  await captionLength.getByLabel('Caption length (characters)').fill('120');
  await captionLength.getByLabel('Why (optional)').fill('Phones first');
  await captionLength.getByRole('button', { name: 'Accept edited' }).click();
  await expect(page.getByText('Added to the brand profile').first()).toBeVisible();
  await expect(page.getByLabel('Instagram', { exact: true })).toHaveValue('120');
  await expect(suggestions.getByText('No open suggestions.')).toBeVisible();
  const history = page.getByRole('region', { name: 'Brand history' });
  await expect(history.getByRole('listitem', { name: 'Version 3' })).toContainText(
    'Caption length on Instagram: no limit → 120 characters',
  );
  await expect(history.getByRole('listitem', { name: 'Version 3' })).toContainText('Phones first');
  await expect(history.getByRole('listitem', { name: 'Version 2' })).toContainText('Never say: + cheap');
  await suggestions.getByText('2 decided suggestions').click();
  await expect(suggestions.getByText(/accepted into version 2/)).toBeVisible();
  await shot(page, 'brand-learning-2-accepted');
});

test('(c) when the agency generates again, then no idea says “cheap” and the captions are shorter', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await page.goto(boardPath);
  await generateIdeas(page);
  const captions = await draftCaptions(page, 5);
  expect(captions).toHaveLength(5);
  expect(captions.filter((caption) => /cheap/i.test(caption))).toEqual([]);
  expect(captions.every((caption) => caption.length <= 120)).toBe(true);
  expect(median(captions.map((caption) => caption.length))).toBeLessThan(median(firstCaptions));
});
