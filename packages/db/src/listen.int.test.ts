import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, inject, it } from 'vitest';
import { listen } from './listen.ts';
import { query } from './scratch-database.ts';

const url = () => inject('databaseUrl');
const channelName = () => `test_${randomBytes(4).toString('hex')}`;

/** Notifies until the listener has heard `payload`, as its LISTEN may not be in place yet. */
async function notifyUntilHeard(channel: string, payload: string, heard: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!heard.includes(payload)) {
    if (Date.now() > deadline) throw new Error(`${payload} was never heard on ${channel}`);
    await query(url(), 'select pg_notify($1, $2)', [channel, payload]);
    await sleep(50);
  }
}

describe('listen', () => {
  it('when something is notified on its channel, then it hears it, and nothing of other channels', async () => {
    const channel = channelName();
    const heard: string[] = [];
    const listener = listen({
      url: url(),
      channel,
      onNotify: (p) => heard.push(p),
      onError: () => undefined,
    });
    try {
      await notifyUntilHeard(channel, 'first', heard);
      await query(url(), 'select pg_notify($1, $2)', [channelName(), 'elsewhere']);
      await notifyUntilHeard(channel, 'second', heard);
      expect(heard).not.toContain('elsewhere');
    } finally {
      await listener.close();
    }
  });

  it('when its connection is killed, then it reports it, reconnects, and hears again', async () => {
    const channel = channelName();
    const heard: string[] = [];
    const errors: Error[] = [];
    const listener = listen({
      url: url(),
      channel,
      onNotify: (p) => heard.push(p),
      onError: (e) => errors.push(e),
      retryMs: 100,
    });
    try {
      await notifyUntilHeard(channel, 'before', heard);
      const [killed] = await query<{ n: number }>(
        url(),
        'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = $1',
        [`listen-${channel}`],
      );
      expect(killed?.n).toBe(1);
      await notifyUntilHeard(channel, 'after', heard);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await listener.close();
    }
  });

  it('refuses a channel name that is not a plain identifier', () => {
    expect(() =>
      listen({ url: url(), channel: 'x; drop table', onNotify: () => {}, onError: () => {} }),
    ).toThrow(/not a channel name/);
  });
});
