import { createHttpClient, type Outcome } from '../load/http-client.ts';
import type { BaseStack } from '../stack/base-stack.ts';
import {
  callerOf,
  concretePath,
  type DeclaredRoute,
  familyOf,
  isAuthenticated,
  resourceIdsOf,
  sampleBody,
} from '../stack/routes.ts';
import { count, examples, type ItemOutcome, tally } from '../summary.ts';
import { type Attack, forgeAttacks } from './forged-tokens.ts';

const reasonOf = (outcome: Outcome) =>
  (outcome.body as { error?: { details?: { reason?: unknown }[] } } | null)?.error?.details?.[0]?.reason;

function rejected(attack: Attack, outcome: Outcome): boolean {
  const code = attack.status === 401 ? 'unauthenticated' : 'forbidden';
  if (outcome.status !== attack.status || outcome.code !== code) return false;
  return attack.reason === undefined || reasonOf(outcome) === attack.reason;
}

/**
 * Item 5: every authenticated route of the live route table, called with each forged, expired or
 * misdirected token (on real ids of the agency, with a valid body), must refuse: 401, or 403 for a
 * disabled user or a suspended agency. A genuine token on each read route proves the refusals are
 * the token's doing.
 */
export async function checkTokenAttacks(stack: BaseStack, routes: DeclaredRoute[]): Promise<ItemOutcome> {
  const { api, world, authority } = stack;
  const client = createHttpClient(api.url, { timeoutMs: 10_000 });
  const ids = resourceIdsOf(world.a);
  const problems: string[] = [];
  const statuses: (number | string)[] = [];
  const authenticated = routes.filter(isAuthenticated);
  const undeclared = authenticated.filter((route) => !route.definition);
  if (undeclared.length > 0) {
    problems.push(
      `routes mounted around the registry: ${examples(undeclared.map((r) => `${r.method} ${r.path}`))}`,
    );
  }
  const declared = authenticated.filter((route) => route.definition);
  const attacksBySubject = new Map<string, Attack[]>();
  let controls = 0;

  try {
    for (const route of declared) {
      const caller = callerOf(route, world);
      const target = caller.authSubject as string;
      let attacks = attacksBySubject.get(target);
      if (!attacks) {
        attacks = await forgeAttacks(authority, {
          target,
          otherUser: world.b.admin.authSubject as string,
          disabled: world.disabled.authSubject as string,
          suspended: world.suspended.admin.authSubject as string,
        });
        attacksBySubject.set(target, attacks);
      }
      const path = concretePath(route, ids);
      const body = sampleBody(route, ids);
      for (const attack of attacks) {
        const outcome = await client.send({
          method: route.method,
          path,
          body,
          headers: attack.authorization ? { authorization: attack.authorization } : {},
        });
        statuses.push(outcome.status ?? outcome.failure ?? '?');
        if (!rejected(attack, outcome)) {
          problems.push(
            `${route.method} ${route.path} with ${attack.name}: ${outcome.status ?? outcome.failure} ${outcome.code ?? ''}`.trim() +
              `, expected ${attack.status}`,
          );
        }
      }
      if (route.method === 'GET') {
        const genuine = await client.send({
          method: 'GET',
          path,
          headers: { authorization: await authority.bearer(caller) },
        });
        controls += 1;
        if (genuine.status === null || [401, 403].includes(genuine.status) || genuine.status >= 500) {
          problems.push(
            `${route.method} ${route.path} refused its genuine caller (${genuine.status ?? genuine.failure})`,
          );
        }
      }
    }
  } finally {
    client.close();
  }
  if (!api.running) problems.push('the API process exited');

  const families = new Set(declared.map((route) => familyOf(route.path)));
  const attackCount = attacksBySubject.values().next().value?.length ?? 0;
  return {
    facts: [
      `${declared.length} routes in ${families.size} families × ${attackCount} attacks = ${count(statuses.length)} requests`,
      `answers ${tally(statuses)}`,
      `${controls} read routes accept a genuine token`,
    ].join(', '),
    problems,
  };
}
