import { contractRefuses } from '../fuzz/contract-verdict.ts';
import { type FuzzCase, malformedListQueries, malformedRequests } from '../fuzz/malformed-requests.ts';
import { createRandom } from '../fuzz/random.ts';
import { createHttpClient, type Outcome } from '../load/http-client.ts';
import { settings } from '../mode.ts';
import type { BaseStack } from '../stack/base-stack.ts';
import {
  callerOf,
  type DeclaredRoute,
  isAuthenticated,
  isWrite,
  resourceIdsOf,
  takesInput,
} from '../stack/routes.ts';
import { changedTables, snapshotTables } from '../stack/snapshot.ts';
import { count, examples, type ItemOutcome, tally } from '../summary.ts';

/** Share of extra requests that probe list routes with bad cursors and limits. */
const LIST_SHARE = 0.1;

const describe = (fuzzCase: FuzzCase, outcome: Outcome) =>
  `${fuzzCase.kind} on ${fuzzCase.route.method} ${fuzzCase.route.path} → ${outcome.status ?? outcome.failure}`;

/**
 * Item 4: generated malformed requests over every write route of the live route table that takes input (and bad
 * cursors over the list routes). Each must be refused with a 4xx: none may answer 5xx or be
 * accepted, the process stays up, and no row of any table changes.
 */
export async function checkInputFuzz(stack: BaseStack, routes: DeclaredRoute[]): Promise<ItemOutcome> {
  const { api, world, authority } = stack;
  const { seed } = settings;
  const random = createRandom(seed);
  const declared = routes.filter((route) => route.definition && isAuthenticated(route));
  const writes = declared.filter((route) => isWrite(route) && takesInput(route));
  const lists = declared.filter((route) => !isWrite(route) && route.definition?.contract.query);
  const tokens = new Map<DeclaredRoute, string>();
  for (const route of declared) tokens.set(route, await authority.bearer(callerOf(route, world)));
  const options = {
    ids: resourceIdsOf(world.a),
    authorization: (route: DeclaredRoute) => tokens.get(route) as string,
    random,
  };
  const nextWrite = malformedRequests({ ...options, routes: writes });
  const nextList = malformedListQueries({ ...options, routes: lists });

  const client = createHttpClient(api.url, { timeoutMs: 15_000 });
  // A caller's first request stamps its presence (and so its row's updated_at): get that done first.
  for (const authorization of new Set(tokens.values())) {
    await client.send({ method: 'GET', path: '/api/me', headers: { authorization } });
  }
  const before = await snapshotTables(stack.database.url);
  const target = settings.fuzz.requests;
  const listTarget = Math.ceil(target * LIST_SHARE);
  const statuses: (number | string)[] = [];
  const failed: string[] = [];
  const accepted: string[] = [];
  const kinds = new Set<string>();
  const fuzzedRoutes = new Set<DeclaredRoute>();
  let sent = 0;
  let listSent = 0;
  let stillValid = 0;

  const send = async (fuzzCase: FuzzCase, mustBeRefused: boolean) => {
    const { request } = fuzzCase;
    const outcome = await client.send({
      method: request.method,
      path: request.target,
      headers: request.headers,
      body: request.payload,
    });
    statuses.push(outcome.status ?? outcome.failure ?? '?');
    if (outcome.status === null || outcome.status >= 500) failed.push(describe(fuzzCase, outcome));
    else if (mustBeRefused && outcome.status < 400) accepted.push(describe(fuzzCase, outcome));
  };

  try {
    await Promise.all(
      Array.from({ length: settings.fuzz.concurrency }, async () => {
        // Bounded: a mutation that happens to yield a valid request is dropped, never sent.
        for (let attempt = 0; attempt < target * 20 && sent < target; attempt += 1) {
          const fuzzCase = nextWrite();
          if (!fuzzCase.alwaysRefused && !contractRefuses(fuzzCase.route, fuzzCase.request)) {
            stillValid += 1;
            continue;
          }
          sent += 1;
          kinds.add(fuzzCase.kind);
          fuzzedRoutes.add(fuzzCase.route);
          await send(fuzzCase, true);
        }
        while (lists.length > 0 && listSent < listTarget) {
          listSent += 1;
          await send(nextList(), false);
        }
      }),
    );
  } finally {
    client.close();
  }
  const changed = changedTables(before, await snapshotTables(stack.database.url));
  const health = await fetch(`${api.url}/healthz`).then(
    (response) => response.status,
    () => null,
  );

  const problems: string[] = [];
  if (sent < target)
    problems.push(`only ${count(sent)} of ${count(target)} malformed requests could be generated`);
  const missed = writes.filter((route) => !fuzzedRoutes.has(route));
  if (missed.length > 0)
    problems.push(`write routes not fuzzed: ${examples(missed.map((r) => `${r.method} ${r.path}`))}`);
  if (failed.length > 0)
    problems.push(`${count(failed.length)} answers ≥ 500 or no answer: ${examples(failed)}`);
  if (accepted.length > 0)
    problems.push(`${count(accepted.length)} malformed requests accepted: ${examples(accepted)}`);
  if (changed.length > 0) problems.push(`data changed: ${examples(changed)}`);
  if (!api.running || health !== 200)
    problems.push(`the API is not serving after the fuzz (healthz ${health})`);

  return {
    facts: [
      `${count(sent)} malformed requests over ${writes.length} write routes`,
      `${count(listSent)} bad list queries over ${lists.length} list routes`,
      `${kinds.size} kinds, seed ${seed}`,
      `answers ${tally(statuses)}`,
      `${count(failed.length)} ≥ 500`,
      changed.length === 0 ? 'data unchanged' : `${changed.length} tables changed`,
      `${count(stillValid)} mutations still valid and not sent`,
    ].join(', '),
    problems,
  };
}
