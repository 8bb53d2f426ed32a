import net from 'node:net';
import { freePort } from '@muse/config/ports';
import { afterEach, describe, expect, it } from 'vitest';
import { takenPortProblem } from './port-check.ts';

const servers: net.Server[] = [];

function listenOnFreePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    servers.push(server);
    server.listen(0, () => resolve((server.address() as net.AddressInfo).port));
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('port check', () => {
  it('when a service port is taken, then the problem names the port and the variable to change', async () => {
    const held = await listenOnFreePort();
    const problem = await takenPortProblem({ API_PORT: await freePort(), WORKER_PORT: held });
    expect(problem).toBe(
      `port ${held} is already in use (WORKER_PORT); stop what holds it or set WORKER_PORT to a free port`,
    );
    expect(await takenPortProblem({ API_PORT: await freePort() })).toBeNull();
  });
});
