import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { declaredRoutes, isAuthenticated, isWrite, takesInput } from '../stack/routes.ts';
import { malformedRequests } from './malformed-requests.ts';
import { createRandom } from './random.ts';

const writes = declaredRoutes().filter(
  (route) => route.definition && isAuthenticated(route) && isWrite(route) && takesInput(route),
);
const ids = {
  tenant: randomUUID(),
  user: randomUUID(),
  client: randomUUID(),
  campaign: randomUUID(),
  idea: randomUUID(),
  generation: randomUUID(),
  reviewRound: randomUUID(),
  reviewLink: randomUUID(),
  brandProposal: randomUUID(),
};

function generate(seed: number, count: number) {
  const next = malformedRequests({
    routes: writes,
    ids,
    authorization: () => 'Bearer x',
    random: createRandom(seed),
  });
  return Array.from({ length: count }, next);
}

describe('malformed request generator', () => {
  it('when run with the same seed twice, then it generates the same requests', () => {
    const fingerprint = (cases: ReturnType<typeof generate>) =>
      cases.map(
        ({ kind, request }) =>
          `${kind} ${request.method} ${request.target} ${request.payload?.toString('base64')}`,
      );
    expect(fingerprint(generate(42, 200))).toEqual(fingerprint(generate(42, 200)));
  });

  it('when it has run a round over the routes, then every write route of the live table that takes input got a request', () => {
    const covered = new Set(
      generate(7, writes.length).map((fuzzCase) => `${fuzzCase.route.method} ${fuzzCase.route.path}`),
    );
    expect(covered.size).toBe(writes.length);
    expect(writes.length).toBeGreaterThan(0);
  });
});
