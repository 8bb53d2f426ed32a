import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Database } from '@muse/db';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse, type SseClient } from '../../test/sse-client.ts';
import type { LiveSubscriber } from './live.hub.ts';
import { serveLiveStream } from './live.stream.ts';

let subscriber: LiveSubscriber | undefined;
let server: ReturnType<ReturnType<typeof express>['listen']>;
let stream: SseClient;

beforeAll(async () => {
  const app = express();
  app.get('/stream', (_req, res) => {
    const hub = {
      subscribe(subscribing: LiveSubscriber) {
        subscriber = subscribing;
        return () => undefined;
      },
    };
    // A fresh stream (no resume point) reads nothing from the database.
    void serveLiveStream(
      { db: {} as Database, hub },
      {
        reader: { tenantId: randomUUID(), userId: null, audience: { kind: 'agency' } },
        resumeAfter: undefined,
        endsAt: new Date(Date.now() + 60_000),
      },
      res,
    );
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  stream = await openSse(`http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`);
});
afterAll(() => {
  stream?.close();
  server?.close();
});

describe('a live stream', () => {
  it('when the hub beats, then the page receives a named heartbeat, which is no event for onmessage', async () => {
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    subscriber?.beat();
    subscriber?.beat();
    await expect.poll(() => stream.named).toEqual(['heartbeat', 'heartbeat']);
    expect(stream.frames).toEqual([]);
  });
});
