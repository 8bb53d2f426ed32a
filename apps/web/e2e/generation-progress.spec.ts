import { expect, test } from '@playwright/test';
import { newCampaign, signedIn } from './support/helpers';
import { MODEL_DEBUG_TOKEN } from './support/stack';

const run = Date.now().toString(36);

/** Changes how the stack's offline model answers (`/_faults`); every setting left out stays. */
async function setModel(settings: Record<string, unknown>) {
  const model = process.env.E2E_MODEL_URL;
  if (!model)
    throw new Error('E2E_MODEL_URL is not set: the browser tests start the stack with its offline model');
  const res = await fetch(`${model}/_faults`, {
    method: settings.reset ? 'DELETE' : 'POST',
    headers: { authorization: `Bearer ${MODEL_DEBUG_TOKEN}`, 'content-type': 'application/json' },
    ...(settings.reset ? {} : { body: JSON.stringify(settings) }),
  });
  expect(res.ok, `the offline model answered ${res.status}`).toBe(true);
}

test.afterEach(async () => {
  await setModel({ reset: true });
});

test('when a run has more batches than the AI service asks at once, then the dialog shows the batches done and the ideas so far, then the ideas', async ({
  browser,
}) => {
  const { page } = await signedIn(browser, 'owner@northwind.test');
  await newCampaign(page, {
    client: 'Acme Coffee',
    name: `Thirty mornings ${run}`,
    brief: 'A post for every morning of the month: the first sip, the walk, the cup.',
    posts: 30,
  });
  // Six batches of five, four asked at a time, each answered after 3 s: for about 3 s four are
  // done and two are still being written.
  await setModel({ latencyMs: 3_000 });
  await page.getByRole('button', { name: 'Generate ideas' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Generate' }).click();

  const status = dialog.getByRole('status');
  await expect(status).toContainText(/Writing ideas|Waiting for a free worker/);
  await expect(status).toContainText(/Batch 4 of 6 · \d+ ideas so far/, { timeout: 30_000 });
  await expect(status.getByRole('progressbar', { name: 'Generation progress' })).toHaveAttribute(
    'aria-valuenow',
    '67',
  );
  await expect(status).toContainText(/\d+s$/);
  await expect(dialog.getByText(/30 new ideas are on the board/)).toBeVisible({ timeout: 60_000 });
});
