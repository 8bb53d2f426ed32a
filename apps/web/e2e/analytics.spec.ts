import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { axeViolations } from './support/axe';
import { newCampaignWithIdeas, shot, signedIn } from './support/helpers';

test('when the client has answered a round, then the approvals page charts and tables it, downloads each table as CSV and passes axe', async ({
  browser,
}) => {
  // A round of its own, answered: the seeded ideas stay as they are for the other tests.
  const campaignName = `Approval figures ${Date.now().toString(36)}`;
  const { page, context } = await signedIn(browser, 'owner@northwind.test');
  await newCampaignWithIdeas(page, {
    client: 'Acme Coffee',
    name: campaignName,
    brief: 'One post about the morning pour-over.',
    posts: 1,
  });
  await page.getByTestId('idea-card').first().getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Send 1 to client' }).click();
  const confirm = page.getByRole('dialog', { name: 'Send with open brand check warnings?' });
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Send anyway' }).click();
  await expect(page.getByRole('region', { name: /^With client/ }).getByTestId('idea-card')).toHaveCount(1);

  const client = await signedIn(browser, 'client@acme-coffee.test');
  await client.page
    .getByRole('link', { name: new RegExp(campaignName) })
    .first()
    .click();
  await client.page.getByTestId('review-card').first().getByRole('button', { name: 'Approve' }).click();
  await expect(client.page.getByText('All done — thank you!')).toBeVisible();
  await client.context.close();

  await page.getByRole('link', { name: 'Approvals' }).first().click();
  await expect(page.getByRole('heading', { name: 'Approvals', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Last 30 days' })).toBeChecked();

  // Three charts, each with its table.
  await expect(page.getByRole('figure')).toHaveCount(3);
  await expect(page.locator('figure .recharts-wrapper')).toHaveCount(3);
  await expect(page.locator('figure .recharts-bar-rectangle').first()).toBeVisible();
  const clients = page.getByRole('table', { name: 'Figures by client' });
  await expect(clients.getByRole('row', { name: /Acme Coffee/ })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Figures by reviewer' }).getByRole('row', { name: /Priya Nair/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: "Where each campaign's ideas stand" })).toContainText(
    campaignName,
  );
  await expect(page.getByRole('table', { name: 'Figures by week' }).getByRole('row')).not.toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download time to answer by client as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^approvals-clients-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  expect(csv.split('\r\n')[0]).toMatch(/^Client,Rounds sent,Answered,Median hours to answer,/);
  expect(csv).toContain('Acme Coffee,');

  await page.getByText('How it is counted').click();
  await expect(page.getByText(/is one sending of an idea to the client/)).toBeVisible();
  expect(await axeViolations(page, 'approvals')).toEqual([]);
  await shot(page, 'analytics-approvals');

  // A period and a client live in the address; a custom period asks for its days.
  await page.getByText('Last 90 days').click();
  await expect(page).toHaveURL(/period=90/);
  await page.getByRole('combobox', { name: 'Client' }).click();
  await page.getByRole('option', { name: 'Bloom Fitness' }).click();
  await expect(page).toHaveURL(/clientId=/);
  await expect(clients.getByRole('row', { name: /Acme Coffee/ })).toHaveCount(0);
  await page.getByText('Custom').click();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await context.close();
});
