import type { AddressInfo } from 'node:net';
import { createLogger } from '@muse/logger';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createWorkerServer, type WorkerServerDeps } from './worker.http.ts';

async function get(
  path: string,
  deps: Partial<WorkerServerDeps> = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  const server = createWorkerServer({
    registry: new Registry(),
    metricsToken: undefined,
    ready: async () => true,
    instanceId: undefined,
    logger: createLogger('worker-http-test', { level: 'silent' }),
    ...deps,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('worker operations endpoints', () => {
  it('when the launcher gave it an instance id, then /healthz and /readyz echo it', async () => {
    for (const path of ['/readyz', '/healthz']) {
      const response = await get(path, { instanceId: 'this-run' });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-muse-instance')).toBe('this-run');
    }
  });

  it('when no instance id was given, then /readyz carries no instance header', async () => {
    expect((await get('/readyz')).headers.get('x-muse-instance')).toBeNull();
  });

  it('when the worker is not ready, then /readyz answers 503 naming the failed check', async () => {
    const response = await get('/readyz', { ready: async () => false });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'unavailable',
      service: 'worker',
      checks: { database: 'failed' },
    });
  });

  it('when no metrics token is set or the path is unknown, then the answer is the 404 envelope', async () => {
    for (const path of ['/metrics', '/nothing']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        error: { code: 'not_found', message: `No route for GET ${path}` },
      });
    }
  });

  it('when a scrape presents the metrics token, then it gets the registry as Prometheus text', async () => {
    const registry = new Registry();
    const refused = await get('/metrics', { registry, metricsToken: 'scrape-secret' });
    expect(refused.status).toBe(401);
    const response = await get(
      '/metrics',
      { registry, metricsToken: 'scrape-secret' },
      {
        authorization: 'Bearer scrape-secret',
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
  });
});
