import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createWorkerServer } from './worker.http.ts';

async function instanceHeaderOf(instanceId: string | undefined, path: string): Promise<string | null> {
  const server = createWorkerServer({
    registry: new Registry(),
    metricsToken: undefined,
    ready: async () => true,
    instanceId,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    expect(response.status).toBe(200);
    return response.headers.get('x-muse-instance');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('worker operations endpoints', () => {
  it('when the launcher gave it an instance id, then /healthz and /readyz echo it', async () => {
    expect(await instanceHeaderOf('this-run', '/readyz')).toBe('this-run');
    expect(await instanceHeaderOf('this-run', '/healthz')).toBe('this-run');
  });

  it('when no instance id was given, then /readyz carries no instance header', async () => {
    expect(await instanceHeaderOf(undefined, '/readyz')).toBeNull();
  });
});
