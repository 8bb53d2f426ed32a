import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, isPortTaken } from './ports.ts';

const servers: net.Server[] = [];

function listen(port: number, host?: string): Promise<void> {
  return new Promise((resolve) => {
    const server = net.createServer();
    servers.push(server);
    server.listen(port, host, () => resolve());
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('ports', () => {
  it('when a free port is asked for, then it can be listened on at once', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await listen(port, '127.0.0.1');
  });

  it('when a port is held, on any address, then it is taken; when released, then it is free', async () => {
    const port = await freePort();
    expect(await isPortTaken(port)).toBe(false);
    await listen(port, '127.0.0.1');
    expect(await isPortTaken(port)).toBe(true);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    expect(await isPortTaken(port)).toBe(false);
  });
});
