import { createHttpClient, elapsed, type Outcome } from '../load/http-client.ts';
import { sleep } from '../load/steady-load.ts';
import { settings } from '../mode.ts';
import type { BaseStack } from '../stack/base-stack.ts';
import { count, examples, type ItemOutcome, median, tally } from '../summary.ts';
import { ok, type Sample, startWriteLoad } from './write-load.ts';

/** "Quickly": an answer during the outage may take this long (the readiness probe alone allows 2 s). */
const QUICK_ANSWER_MS = 2_500;
/** The API must serve again this soon after PostgreSQL accepts connections again. */
const RECOVERY_LIMIT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface Cycle {
  /** When the stop began, when PostgreSQL was down, when it was started again and accepting. */
  stopAt: number;
  downAt: number;
  startAt: number;
  upAt: number;
  /** When /readyz answered 200 and a write sent after upAt succeeded; undefined if it never did. */
  recoveredAt: number | undefined;
}

const unavailable = (outcome: Outcome) => outcome.status === 503 && outcome.code === 'unavailable';
const describe = (sample: Sample) =>
  `${sample.label} → ${sample.outcome.failure ?? `${sample.outcome.status} ${sample.outcome.code ?? ''}`.trim()}`;

/**
 * Item 1: steady reads and writes while PostgreSQL stops for 5 s and starts again on the same port
 * and data. During the outage every answer is a quick 503 `unavailable` and /readyz fails; the API
 * recovers within 5 s, never exits, and every write it acknowledged is still there.
 */
export async function checkDatabaseOutage(stack: BaseStack): Promise<ItemOutcome> {
  const { api, database, world, authority } = stack;
  const config = settings.outage;
  const client = createHttpClient(api.url, { timeoutMs: REQUEST_TIMEOUT_MS });
  const probe = createHttpClient(api.url, { timeoutMs: REQUEST_TIMEOUT_MS, maxSockets: 1 });
  const authorization = await authority.bearer(world.a.admin);
  const load = await startWriteLoad(client, authorization, {
    concurrency: config.concurrency,
    maxMs: config.cycles * (config.loadBeforeMs + config.downMs + config.loadAfterMs + 60_000),
  });
  const { samples } = load;
  const probes: Outcome[] = [];

  const cycles: Cycle[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      probes.push(await probe.send({ method: 'GET', path: '/readyz' }));
      await sleep(200);
    }
  })();

  try {
    for (let index = 0; index < config.cycles; index += 1) {
      await sleep(config.loadBeforeMs);
      const stopAt = performance.now();
      await database.stop();
      const downAt = performance.now();
      await sleep(Math.max(0, config.downMs - (downAt - stopAt)));
      const startAt = performance.now();
      await database.start();
      const upAt = performance.now();
      const recoveredAt = await waitForRecovery(samples, probes, upAt);
      cycles.push({ stopAt, downAt, startAt, upAt, recoveredAt });
      await sleep(config.loadAfterMs);
    }
  } finally {
    await load.stop();
    probing = false;
    await prober;
    client.close();
    probe.close();
  }

  const lost = await load.lostWrites(database.url);
  return judge({
    samples,
    probes,
    cycles,
    lost,
    acknowledged: load.acknowledged(),
    alive: api.running,
  });
}

/** The first moment after `upAt` at which /readyz answered 200 and a write sent after upAt succeeded. */
async function waitForRecovery(samples: Sample[], probes: Outcome[], upAt: number) {
  const deadline = upAt + RECOVERY_LIMIT_MS + 10_000;
  while (performance.now() < deadline) {
    const write = samples.find((s) => s.write && s.outcome.sentAt >= upAt && ok(s.outcome));
    const ready = probes.find((p) => p.sentAt >= upAt && p.status === 200);
    if (write && ready) return Math.max(write.outcome.endedAt, ready.endedAt);
    await sleep(50);
  }
  return undefined;
}

function judge(run: {
  samples: Sample[];
  probes: Outcome[];
  cycles: Cycle[];
  lost: string[];
  acknowledged: number;
  alive: boolean;
}): ItemOutcome {
  const { samples, probes, cycles } = run;
  const problems: string[] = [];
  const firstStop = cycles[0]?.stopAt ?? Number.POSITIVE_INFINITY;
  const inOutage = (outcome: Outcome) =>
    cycles.some(
      (cycle) => outcome.endedAt >= cycle.stopAt && outcome.sentAt <= (cycle.recoveredAt ?? cycle.upAt),
    );
  const afterRecovery = (outcome: Outcome) =>
    cycles.some(
      (cycle, index) =>
        cycle.recoveredAt !== undefined &&
        outcome.sentAt > cycle.recoveredAt &&
        outcome.endedAt < (cycles[index + 1]?.stopAt ?? Number.POSITIVE_INFINITY),
    );

  const before = samples.filter((s) => s.outcome.endedAt < firstStop);
  const failedBefore = before.filter((s) => !ok(s.outcome));
  if (failedBefore.length > 0) {
    problems.push(
      `${count(failedBefore.length)} requests failed before any outage: ${examples(failedBefore.map(describe))}`,
    );
  }

  const during = samples.filter((s) => inOutage(s.outcome));
  const answered503 = during.filter((s) => unavailable(s.outcome));
  const wrong = during.filter((s) => !ok(s.outcome) && !unavailable(s.outcome));
  if (wrong.length > 0) {
    problems.push(
      `${count(wrong.length)} answers during the outage were neither 2xx nor 503 unavailable: ${examples(wrong.map(describe))}`,
    );
  }
  if (answered503.length === 0) problems.push('no request was answered 503 unavailable during the outage');
  const slow = during.filter((s) => elapsed(s.outcome) > QUICK_ANSWER_MS);
  if (slow.length > 0) {
    problems.push(
      `${count(slow.length)} answers during the outage took longer than ${QUICK_ANSWER_MS} ms (slowest ${Math.round(Math.max(...slow.map((s) => elapsed(s.outcome))))} ms)`,
    );
  }

  const probesWhileDown = probes.filter((p) =>
    cycles.some((cycle) => p.sentAt >= cycle.downAt && p.endedAt <= cycle.startAt),
  );
  const readyWhileDown = probesWhileDown.filter((p) => p.status !== 503);
  if (probesWhileDown.length === 0) problems.push('/readyz was not probed while PostgreSQL was down');
  if (readyWhileDown.length > 0) {
    problems.push(
      `/readyz answered ${tally(readyWhileDown.map((p) => p.status ?? p.failure ?? '?'))} while PostgreSQL was down`,
    );
  }

  const recoveries = cycles.map((cycle) =>
    cycle.recoveredAt === undefined ? undefined : cycle.recoveredAt - cycle.upAt,
  );
  const slowest = Math.max(...recoveries.map((ms) => ms ?? Number.POSITIVE_INFINITY));
  if (slowest > RECOVERY_LIMIT_MS) {
    problems.push(
      Number.isFinite(slowest)
        ? `recovery took ${(slowest / 1000).toFixed(1)} s (limit ${RECOVERY_LIMIT_MS / 1000} s)`
        : 'the API did not recover after PostgreSQL came back',
    );
  }
  const failedAfter = samples.filter((s) => afterRecovery(s.outcome) && !ok(s.outcome));
  if (failedAfter.length > 0) {
    problems.push(
      `${count(failedAfter.length)} requests failed after recovery: ${examples(failedAfter.map(describe))}`,
    );
  }
  if (!run.alive) problems.push('the API process exited');
  if (run.lost.length > 0)
    problems.push(`${count(run.lost.length)} acknowledged writes lost: ${examples(run.lost)}`);

  const latencies = answered503.map((s) => elapsed(s.outcome));
  const facts = [
    `${count(samples.length)} requests`,
    `${cycles.length} × ${settings.outage.downMs / 1000} s outage`,
    `503 in ${Math.round(median(latencies))} ms median (max ${Math.round(Math.max(0, ...latencies))} ms)`,
    `/readyz 503 ×${probesWhileDown.length - readyWhileDown.length}`,
    Number.isFinite(slowest)
      ? `recovered ${Math.round(slowest)} ms after PostgreSQL was back`
      : 'not recovered',
    `${count(run.acknowledged)} acknowledged writes, ${count(run.lost.length)} lost`,
  ];
  return { facts: facts.join(', '), problems };
}
