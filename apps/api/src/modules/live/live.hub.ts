import { LIVE_HEARTBEAT_SECONDS, LiveEvent } from '@muse/contracts';
import { listen } from '@muse/db';
import type { Logger } from '@muse/logger';
import { type LiveReader, receives } from './live.audience.ts';
import { LIVE_EVENTS_CHANNEL, type StoredLiveEvent } from './live.repository.ts';

/** One open stream, as the hub sees it. */
export interface LiveSubscriber {
  reader: LiveReader;
  deliver(event: StoredLiveEvent): void;
  /** The listener was lost and is back: what was announced meanwhile must be read from the table. */
  catchUp(): void;
  /** Every LIVE_HEARTBEAT_SECONDS, so proxies keep the idle connection open. */
  beat(): void;
  /** The process is shutting down: end the stream. */
  end(): void;
}

export interface LiveHub {
  /** Settles once the process listens for events. */
  ready: Promise<void>;
  /** Adds a stream; the returned function removes it. */
  subscribe(subscriber: LiveSubscriber): () => void;
  /** Streams open in this process. */
  size(): number;
  /** Ends every stream and stops listening. */
  close(): Promise<void>;
}

/**
 * The process's one listening connection: every event committed anywhere arrives here once, and
 * goes to the streams of its tenant whose reader receives it. Streams are kept by tenant so an
 * event is matched against its own tenant's streams only. Announcements made while the
 * connection was lost are not heard: once it is back, each stream catches up from the table.
 */
export function startLiveHub(options: { databaseUrl: string; logger: Logger }): LiveHub {
  const { logger } = options;
  const byTenant = new Map<string, Set<LiveSubscriber>>();
  const everyStream = function* () {
    for (const streams of byTenant.values()) yield* streams;
  };

  let listenedBefore = false;
  let closed = false;
  const listener = listen({
    url: options.databaseUrl,
    channel: LIVE_EVENTS_CHANNEL,
    onNotify: (payload) => {
      const event = parseAnnounced(payload, logger);
      if (!event) return;
      for (const stream of byTenant.get(event.tenantId) ?? []) {
        if (receives(stream.reader, event)) stream.deliver(event);
      }
    },
    onListening: () => {
      if (listenedBefore) for (const stream of everyStream()) stream.catchUp();
      listenedBefore = true;
    },
    onError: (error) => logger.warn({ err: error }, 'lost the live-events listener; reconnecting'),
  });
  const heartbeat = setInterval(() => {
    for (const stream of everyStream()) stream.beat();
  }, LIVE_HEARTBEAT_SECONDS * 1000);
  heartbeat.unref();

  return {
    ready: listener.ready,
    subscribe(subscriber) {
      // A stream that opens while the process shuts down is ended as soon as it has started.
      if (closed) {
        queueMicrotask(() => subscriber.end());
        return () => {};
      }
      const { tenantId } = subscriber.reader;
      const streams = byTenant.get(tenantId) ?? new Set();
      byTenant.set(tenantId, streams);
      streams.add(subscriber);
      return () => {
        streams.delete(subscriber);
        if (streams.size === 0 && byTenant.get(tenantId) === streams) byTenant.delete(tenantId);
      };
    },
    size: () => [...everyStream()].length,
    async close() {
      closed = true;
      clearInterval(heartbeat);
      for (const stream of [...everyStream()]) stream.end();
      byTenant.clear();
      await listener.close();
    },
  };
}

/** An announcement as the repository wrote it; one that does not read as an event is logged and dropped. */
function parseAnnounced(payload: string, logger: Logger): StoredLiveEvent | null {
  try {
    const announced = JSON.parse(payload) as StoredLiveEvent;
    LiveEvent.parse({ type: announced.type, data: announced.data });
    return announced;
  } catch (error) {
    logger.error({ err: error }, 'an announced live event does not read as one');
    return null;
  }
}
