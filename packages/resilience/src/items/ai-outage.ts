import type { GenerationErrorCode } from '@muse/contracts';
import { query as ownerQuery } from '@muse/db/scratch';
import { createHttpClient, type HttpClient } from '../load/http-client.ts';
import { settings } from '../mode.ts';
import type { GenerationStack } from '../stack/generation-stack.ts';
import type { ServiceProcess } from '../stack/service-process.ts';
import { type ItemOutcome, tally } from '../summary.ts';
import { type Ending, requestGeneration, waitForEndings } from './generation-client.ts';

/** Longest a run may take to end in any scenario here: every attempt, the backoff between them, and polling. */
const ENDING_TIMEOUT_MS = 30_000;

interface Scenario {
  name: string;
  endings: Ending[];
  /** The endings each run may have in this scenario. */
  allowed: { status: 'SUCCEEDED' | 'FAILED'; errorCode?: GenerationErrorCode }[];
}

const describeEnding = (ending: Ending) =>
  ending.status === 'FAILED' ? `FAILED ${ending.errorCode}` : ending.status;

const slowest = (endings: Ending[]) =>
  `${(Math.max(...endings.map((e) => e.ms ?? Number.NaN)) / 1000).toFixed(1)} s`;

async function runScenario(
  http: HttpClient,
  authorization: string,
  campaignId: string,
  during: () => Promise<void> = async () => {},
): Promise<Ending[]> {
  const since = performance.now();
  const ids: string[] = [];
  for (let index = 0; index < settings.ai.generationsPerScenario; index += 1) {
    ids.push(await requestGeneration(http, authorization, campaignId));
  }
  await during();
  return waitForEndings(http, authorization, ids, since, ENDING_TIMEOUT_MS);
}

/**
 * A run left RUNNING by a worker that died long ago, whose job is gone: the sweeper must end it.
 * Written as the superuser, as no API path leaves such a row on purpose.
 */
async function insertStaleRun(stack: GenerationStack): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    stack.database.url,
    `insert into generations (tenant_id, campaign_id, requested_by_id, status, requested_posts, attempts, queued_at, started_at)
     values ($1, $2, $3, 'RUNNING', 1, 1, now() - interval '10 minutes', now() - interval '10 minutes')
     returning id`,
    [stack.world.a.tenant.id, stack.world.a.campaign.id, stack.world.a.admin.id],
  );
  return (row as { id: string }).id;
}

/**
 * Item 2: generations while the AI service is down, comes back, and while the model is slow or
 * too slow. Each run ends SUCCEEDED or FAILED with a clear code; a stale RUNNING run is ended by
 * the sweeper; once everything is back a run succeeds, and no run is left QUEUED or RUNNING.
 */
export async function checkAiOutage(stack: GenerationStack, worker: ServiceProcess): Promise<ItemOutcome> {
  const { world, authority, model } = stack;
  const http = createHttpClient(stack.api.url, { timeoutMs: 10_000 });
  const authorization = await authority.bearer(world.a.admin);
  const campaignId = world.a.campaign.id;
  const scenarios: Scenario[] = [];
  const scenario = async (name: string, allowed: Scenario['allowed'], during?: () => Promise<void>) => {
    scenarios.push({ name, allowed, endings: await runScenario(http, authorization, campaignId, during) });
  };

  try {
    await stack.stopAiService();
    await scenario('AI service down', [{ status: 'FAILED', errorCode: 'ai_service_unavailable' }]);
    await scenario(
      'AI service back during the retries',
      [{ status: 'SUCCEEDED' }, { status: 'FAILED', errorCode: 'ai_service_unavailable' }],
      () => stack.startAiService(),
    );
    model.faults.update({ latencyMs: 800 });
    await scenario('slow model (800 ms)', [{ status: 'SUCCEEDED' }]);
    model.faults.update({ latencyMs: 5_000 });
    await scenario('model past the AI budget', [
      { status: 'FAILED', errorCode: 'timeout' },
      { status: 'FAILED', errorCode: 'llm_unavailable' },
    ]);
    model.faults.reset();

    const staleId = await insertStaleRun(stack);
    const staleSince = performance.now();
    const [stale] = await waitForEndings(http, authorization, [staleId], staleSince, ENDING_TIMEOUT_MS);
    scenarios.push({
      name: 'stale RUNNING run',
      allowed: [{ status: 'FAILED', errorCode: 'worker_lost' }],
      endings: stale ? [stale] : [],
    });
    await scenario('everything back', [{ status: 'SUCCEEDED' }]);
  } finally {
    http.close();
  }

  const unfinished = await ownerQuery<{ status: string }>(
    stack.database.url,
    "select status from generations where tenant_id = $1 and status in ('QUEUED', 'RUNNING')",
    [world.a.tenant.id],
  );
  const problems: string[] = [];
  for (const { name, endings, allowed } of scenarios) {
    const unexpected = endings.filter(
      (ending) =>
        !allowed.some(
          (allow) =>
            allow.status === ending.status &&
            (allow.errorCode === undefined || allow.errorCode === ending.errorCode),
        ),
    );
    if (unexpected.length > 0) {
      problems.push(
        `${name}: ${tally(unexpected.map(describeEnding))}, expected ${allowed.map((a) => `${a.status} ${a.errorCode ?? ''}`.trim()).join(' or ')}`,
      );
    }
    const empty = endings.filter((ending) => ending.status === 'SUCCEEDED' && ending.ideaCount === 0);
    if (empty.length > 0) problems.push(`${name}: ${empty.length} runs SUCCEEDED without ideas`);
  }
  if (unfinished.length > 0)
    problems.push(`${tally(unfinished.map((row) => row.status))} runs left unfinished`);
  if (!stack.api.running) problems.push('the API process exited');
  if (!worker.running) problems.push('the worker process exited');

  const facts = scenarios.map(
    ({ name, endings }) => `${name}: ${tally(endings.map(describeEnding))} in ${slowest(endings)}`,
  );
  facts.push(`${unfinished.length} left QUEUED/RUNNING`);
  return { facts: facts.join('; '), problems };
}
