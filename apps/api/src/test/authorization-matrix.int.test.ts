import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMatrixWorld, runAuthorizationMatrix } from './authorization-matrix.ts';
import { sampledContracts } from './route-samples.ts';
import { routeTable } from './route-table.ts';
import { startTestApp, type TestApp } from './test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

describe('authorization matrix', () => {
  it('when every route of the live route table is tried by every kind of caller, then none answers unexpectedly', async () => {
    const result = await runAuthorizationMatrix(api.app, api.http, await makeMatrixWorld(api.db));
    console.log(
      `authorization matrix: ${result.routes} routes, ${result.requests} requests, ${result.unexpected.length} unexpected`,
    );
    expect(result.routes).toBeGreaterThan(0);
    expect(result.unexpected).toEqual([]);
  });

  it('when a route has a sample, then the route is mounted', () => {
    const mounted = new Set(routeTable(api.app).map((entry) => entry.definition?.contract));
    const stale = sampledContracts().filter((contract) => !mounted.has(contract));
    expect(stale.map((contract) => `${contract.method} ${contract.path}`)).toEqual([]);
  });

  it('when a route is mounted around the registry, then the matrix reports it', async () => {
    const rogue = await startTestApp();
    try {
      rogue.app.get('/api/rogue', (_req, res) => {
        res.json({ open: true });
      });
      expect(routeTable(rogue.app).find((entry) => entry.path === '/api/rogue')?.definition).toBeUndefined();
      const result = await runAuthorizationMatrix(rogue.app, rogue.http, await makeMatrixWorld(rogue.db));
      expect(result.unexpected).toEqual(['GET /api/rogue: not declared through the route registry']);
    } finally {
      await rogue.close();
    }
  });
});
