import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRoute, pathOf, RouteCallError, sendRoute, type Transport } from './call-route.ts';
import { clientRoutes } from './clients.ts';
import { sessionsRoutes } from './sessions.ts';

const CLIENT = {
  id: '6f1f7c1e-2f4b-4d5e-9a59-0a8f3f0b6c11',
  name: 'Harbour Bakery',
  industry: 'Bakery',
  website: null,
  brandVoice: 'Warm',
  toneKeywords: [],
  targetAudience: 'Early risers',
  doList: [],
  dontList: [],
  defaultHashtags: [],
  platforms: ['INSTAGRAM'],
  captionMaxChars: {},
  reminderFirstAfterDays: 2,
  reminderEveryDays: 2,
  reminderLimit: 3,
  brandVersion: 1,
  archivedAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP server that records each request and answers with the next scripted reply. */
let server: Server;
let seen: Seen[] = [];
let reply: { status: number; body?: unknown; raw?: string } = { status: 200 };
let transport: Transport;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.statusCode = reply.status;
      if (reply.raw !== undefined) return res.end(reply.raw);
      if (reply.body === undefined) return res.end();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  transport = (path, init) => fetch(`${base}${path}`, init);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function answer(next: typeof reply) {
  seen = [];
  reply = next;
}

describe('callRoute', () => {
  it('when a route has params, query and a body, then it sends them where the contract says and parses the answer', async () => {
    answer({ status: 200, body: CLIENT });
    const client = await callRoute(transport, clientRoutes.update, {
      params: { id: CLIENT.id },
      body: { brandVoice: 'Warm' },
      headers: { 'x-muse-workspace': 'agency' },
    });
    expect(client.name).toBe('Harbour Bakery');
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      url: `/api/clients/${CLIENT.id}`,
      body: JSON.stringify({ brandVoice: 'Warm' }),
    });
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(seen[0]?.headers['x-muse-workspace']).toBe('agency');

    answer({ status: 200, body: { items: [CLIENT], nextCursor: null } });
    await callRoute(transport, clientRoutes.list, {
      query: { q: 'har bour', includeArchived: 'true', cursor: '' },
    });
    expect(seen[0]?.url).toBe('/api/clients?q=har+bour&includeArchived=true');
  });

  it('when the API answers with the error envelope, then the error carries its status, code, details and request id', async () => {
    answer({
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: 'Campaigns still plan for TIKTOK',
          details: [{ a: 1 }],
          requestId: 'r-1',
        },
      },
    });
    const error = await callRoute(transport, clientRoutes.get, { params: { id: CLIENT.id } }).catch((e) => e);
    expect(error).toBeInstanceOf(RouteCallError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'Campaigns still plan for TIKTOK',
      details: [{ a: 1 }],
      requestId: 'r-1',
    });
  });

  it('when an answer is no envelope, or a success body breaks the contract, then it is unexpected_response', async () => {
    answer({ status: 502, raw: '<html>bad gateway</html>' });
    await expect(callRoute(transport, clientRoutes.get, { params: { id: CLIENT.id } })).rejects.toMatchObject(
      {
        status: 502,
        code: 'unexpected_response',
      },
    );
    answer({ status: 200, body: { ...CLIENT, name: 42 } });
    await expect(callRoute(transport, clientRoutes.get, { params: { id: CLIENT.id } })).rejects.toMatchObject(
      {
        status: 200,
        code: 'unexpected_response',
      },
    );
  });

  it('when a route answers 204, then the call resolves with nothing', async () => {
    answer({ status: 204 });
    await expect(callRoute(transport, sessionsRoutes.endCurrent, {})).resolves.toBeUndefined();
    expect(seen[0]).toMatchObject({ method: 'DELETE', url: '/api/sessions/current' });
  });

  it('when the caller wants the raw answer, then sendRoute returns it and still throws on errors', async () => {
    answer({ status: 200, raw: 'a,b\n1,2\n' });
    const response = await sendRoute(transport, clientRoutes.get, { params: { id: CLIENT.id } });
    expect(await response.text()).toBe('a,b\n1,2\n');
    answer({ status: 404, body: { error: { code: 'not_found', message: 'Client not found' } } });
    await expect(sendRoute(transport, clientRoutes.get, { params: { id: CLIENT.id } })).rejects.toMatchObject(
      {
        code: 'not_found',
      },
    );
  });
});

describe('pathOf', () => {
  it('when a parameter would leave its segment, then it is encoded; when one is missing, then it throws', () => {
    expect(pathOf(clientRoutes.get, { id: '../admin?x=1' })).toBe('/api/clients/..%2Fadmin%3Fx%3D1');
    expect(() => pathOf(clientRoutes.get, {})).toThrow(/"id" is missing/);
  });
});

describe('RouteInput', () => {
  it('when a call leaves out what the contract requires, then it does not compile', () => {
    const calls = [
      // @ts-expect-error the contract has an :id parameter
      () => callRoute(transport, clientRoutes.get, {}),
      // @ts-expect-error the contract has a body
      () => callRoute(transport, clientRoutes.create, {}),
      // @ts-expect-error the query has no such field
      () => callRoute(transport, clientRoutes.list, { query: { nope: 1 } }),
    ];
    expect(calls).toHaveLength(3);
  });
});
