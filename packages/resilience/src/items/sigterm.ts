import { query as ownerQuery } from '@muse/db/scratch';
import { createHttpClient, elapsed, type Outcome } from '../load/http-client.ts';
import { sleep, startSteadyLoad } from '../load/steady-load.ts';
import { settings } from '../mode.ts';
import type { GenerationStack } from '../stack/generation-stack.ts';
import type { ServiceProcess } from '../stack/service-process.ts';
import { count, examples, type ItemOutcome, tally } from '../summary.ts';
import { requestGeneration, waitForEndings } from './generation-client.ts';

/** The processes' own drain limit (DRAIN_TIMEOUT_MS in main.ts and worker.ts): reaching it means connections were cut. */
const DRAIN_LIMIT_MS = 8_000;
/** How long to wait for an exit at all. */
const EXIT_LIMIT_MS = 12_000;
/** A `?wait=true` generation holds its request open for the model's latency: the in-flight requests at SIGTERM. */
const MODEL_LATENCY_MS = 1_500;

interface Sample {
  label: string;
  outcome: Outcome;
}

const failedOrServerError = (outcome: Outcome) => outcome.status === null || outcome.status >= 500;
const describe = (sample: Sample) => `${sample.label} → ${sample.outcome.failure ?? sample.outcome.status}`;

/** SIGTERM to the API in the middle of steady load, with long `?wait=true` requests in flight. */
async function stopApiUnderLoad(stack: GenerationStack) {
  const { api, world, authority } = stack;
  const config = settings.sigterm;
  const client = createHttpClient(api.url, { timeoutMs: 30_000, maxSockets: config.concurrency + 4 });
  const admin = await authority.bearer(world.a.admin);
  const samples: Sample[] = [];
  const call = async (label: string, request: Parameters<typeof client.send>[0]) => {
    const outcome = await client.send({ ...request, headers: { authorization: admin, ...request.headers } });
    samples.push({ label, outcome });
    // A refused client backs off, as one behind a load balancer would be sent elsewhere.
    if (outcome.failure === 'ECONNREFUSED') await sleep(100);
  };

  stack.model.faults.update({ latencyMs: MODEL_LATENCY_MS });
  const waiting = startSteadyLoad({
    concurrency: 2,
    maxMs: config.loadBeforeMs + 60_000,
    step: (loop, iteration) =>
      call('POST /generate?wait=true', {
        method: 'POST',
        path: `/api/campaigns/${world.a.campaign.id}/generate?wait=true`,
        headers: { 'idempotency-key': `sigterm-${loop}-${iteration}-${Date.now()}` },
        body: { numPosts: 1, numReels: 0, platforms: ['INSTAGRAM'] },
      }),
  });
  const steady = startSteadyLoad({
    concurrency: config.concurrency,
    maxMs: config.loadBeforeMs + 60_000,
    async step(loop, iteration) {
      switch (iteration % 3) {
        case 0:
          return call('GET /api/users', { method: 'GET', path: '/api/users?limit=20' });
        case 1:
          return call('PATCH /api/users/:id', {
            method: 'PATCH',
            path: `/api/users/${world.a.member.id}`,
            body: { name: `Renamed by loop ${loop} at ${iteration}` },
          });
        default:
          return call('GET /api/me', { method: 'GET', path: '/api/me' });
      }
    },
  });

  await sleep(config.loadBeforeMs);
  const signalAt = performance.now();
  api.signal('SIGTERM');
  const exit = await Promise.race([api.exited, sleep(EXIT_LIMIT_MS).then(() => undefined)]);
  const exitMs = performance.now() - signalAt;
  await Promise.all([steady.stop(), waiting.stop()]);
  client.close();
  stack.model.faults.reset();

  const before = samples.filter((s) => s.outcome.sentAt < signalAt);
  const inFlight = before.filter((s) => s.outcome.endedAt > signalAt);
  const longInFlight = inFlight.filter((s) => s.label.startsWith('POST'));
  const failedBefore = before.filter((s) => failedOrServerError(s.outcome));
  const after = samples.filter((s) => s.outcome.sentAt >= signalAt);
  const problems: string[] = [];
  if (failedBefore.length > 0) {
    problems.push(
      `api: ${count(failedBefore.length)} requests sent before SIGTERM failed: ${examples(failedBefore.map(describe))}`,
    );
  }
  if (longInFlight.length === 0) problems.push('api: no ?wait=true request was in flight at SIGTERM');
  // After the signal a connection may be refused or reset as the server closes; an error answer may not.
  const serverErrorsAfter = after.filter((s) => s.outcome.status !== null && s.outcome.status >= 500);
  if (serverErrorsAfter.length > 0) {
    problems.push(
      `api: ${count(serverErrorsAfter.length)} answers ≥ 500 after SIGTERM: ${examples(serverErrorsAfter.map(describe))}`,
    );
  }
  if (!exit) problems.push(`api: still running ${EXIT_LIMIT_MS / 1000} s after SIGTERM`);
  else if (exit.code !== 0) problems.push(`api: exited with ${exit.code ?? exit.signal}`);
  else if (exitMs >= DRAIN_LIMIT_MS)
    problems.push(`api: the drain ran into its ${DRAIN_LIMIT_MS / 1000} s limit and cut connections`);
  const slowestInFlight = Math.max(0, ...longInFlight.map((s) => elapsed(s.outcome)));
  return {
    problems,
    facts:
      `api: ${count(samples.length)} requests, ${inFlight.length} in flight at SIGTERM (${longInFlight.length} ?wait=true, up to ${(slowestInFlight / 1000).toFixed(1)} s), ` +
      `${failedBefore.length} failed; after SIGTERM ${tally(after.map((s) => s.outcome.status ?? s.outcome.failure ?? '?')) || 'none sent'}; ` +
      `exited ${exit?.code ?? 'no'} in ${(exitMs / 1000).toFixed(1)} s`,
  };
}

/**
 * SIGTERM to the only worker while it runs a generation, and a next worker started at once (a
 * rolling deploy): the run is finished by the stopping worker or, when it outlasts the drain,
 * released to the next one; either way its ideas exist exactly once.
 */
async function stopWorkerMidJob(
  stack: GenerationStack,
  api: { url: string },
  worker: ServiceProcess,
  modelLatencyMs: number,
) {
  const { world, authority } = stack;
  const client = createHttpClient(api.url, { timeoutMs: 10_000 });
  const admin = await authority.bearer(world.a.admin);
  stack.model.faults.update({ latencyMs: modelLatencyMs });
  const problems: string[] = [];
  try {
    const since = performance.now();
    const id = await requestGeneration(client, admin, world.a.campaign.id);
    const running = await waitUntilRunning(stack.database.url, id);
    if (!running) problems.push('worker: the generation never started RUNNING');
    const signalAt = performance.now();
    worker.signal('SIGTERM');
    const next = await stack.startWorker(`${worker.spec.name}-next`);
    const exit = await Promise.race([worker.exited, sleep(EXIT_LIMIT_MS).then(() => undefined)]);
    const exitMs = performance.now() - signalAt;
    const [ending] = await waitForEndings(client, admin, [id], since, 60_000);
    const [{ ideas } = { ideas: -1 }] = await ownerQuery<{ ideas: number }>(
      stack.database.url,
      'select count(*)::int as ideas from ideas where generation_id = $1',
      [id],
    );
    const finishedBy = [worker, next].find((candidate) =>
      candidate.logLines('generation finished').some((line) => line.generationId === id),
    );

    if (!exit) problems.push(`worker: still running ${EXIT_LIMIT_MS / 1000} s after SIGTERM`);
    else if (exit.code !== 0) problems.push(`worker: exited with ${exit.code ?? exit.signal}`);
    else if (exitMs >= DRAIN_LIMIT_MS && modelLatencyMs < DRAIN_LIMIT_MS) {
      problems.push(
        `worker: the drain ran into its ${DRAIN_LIMIT_MS / 1000} s limit with a job that fits in it`,
      );
    }
    if (ending?.status !== 'SUCCEEDED') {
      problems.push(
        `worker: the in-flight generation ended ${ending?.status} ${ending?.errorCode ?? ''}`.trim(),
      );
    }
    if (ideas !== 1) problems.push(`worker: the in-flight generation wrote ${ideas} ideas, expected 1`);
    if (!next.running) problems.push('worker: the next worker exited');
    const by =
      finishedBy === worker
        ? 'finished by the stopping worker'
        : finishedBy
          ? 'released to and finished by the next worker'
          : 'finished by no worker';
    return {
      problems,
      facts: `worker (model ${(modelLatencyMs / 1000).toFixed(1)} s): in-flight job ${by}, ideas written ${ideas}, exited ${exit?.code ?? 'no'} in ${(exitMs / 1000).toFixed(1)} s`,
      next,
    };
  } finally {
    client.close();
    stack.model.faults.reset();
  }
}

/** Polls the database until the run is RUNNING (claimed by a worker). */
async function waitUntilRunning(url: string, id: string): Promise<boolean> {
  const deadline = performance.now() + 15_000;
  while (performance.now() < deadline) {
    const [row] = await ownerQuery<{ status: string }>(url, 'select status from generations where id = $1', [
      id,
    ]);
    if (row?.status === 'RUNNING') return true;
    await sleep(50);
  }
  return false;
}

/**
 * Item 3: SIGTERM to the API under load (no request sent before the signal fails, the process
 * drains and exits 0) and to a worker in the middle of a generation (the job is finished, or in
 * long mode, where it outlasts the drain, released to another worker).
 */
export async function checkSigterm(stack: GenerationStack, worker: ServiceProcess): Promise<ItemOutcome> {
  const parts = [await stopApiUnderLoad(stack)];
  // The first API is gone: the worker half asks a second instance for its generations.
  const api = await stack.startApi('api-2');
  const fits = await stopWorkerMidJob(stack, api, worker, 2_000);
  parts.push(fits);
  if (settings.sigterm.releaseCase) parts.push(await stopWorkerMidJob(stack, api, fits.next, 12_000));
  return {
    facts: parts.map((part) => part.facts).join('; '),
    problems: parts.flatMap((part) => part.problems),
  };
}
