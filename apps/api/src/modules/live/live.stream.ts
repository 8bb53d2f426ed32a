import { LastEventIdHeader, type LiveEventFrame } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Request, Response } from 'express';
import { AppError } from '../../http/app-error.ts';
import { type LiveReader, receives } from './live.audience.ts';
import type { LiveHub } from './live.hub.ts';
import { liveRepository, type StoredLiveEvent } from './live.repository.ts';

/** How long events are kept, and so how far back a stream resumes (live.prune.job.ts deletes older ones). */
export const LIVE_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A resume replays at most this many of the tenant's events; more, and the page refetches instead. */
const RESUME_LIMIT = 1_000;
/**
 * Ids are taken when a row is written, not when it commits: a transaction that commits later
 * than the resumed-from event can hold a smaller id. A resume also replays the events written
 * this long before that one; a page may receive one twice, which only refetches again.
 */
const COMMIT_LAG_ALLOWANCE_MS = 10_000;
/**
 * A named event, so that a page's EventSource sees it (comment lines never reach the page) and
 * can tell a connection that died silently from a quiet one; `onmessage` does not receive it.
 */
const HEARTBEAT_FRAME = 'event: heartbeat\ndata: {}\n\n';
/** How soon an EventSource reconnects after the stream ends. */
const RETRY_MS = 2_000;

type Replay = { events: StoredLiveEvent[] } | { reset: string | null };

/** The event to resume after: the `Last-Event-ID` header a reconnecting EventSource sends, else the query's. */
export function resumePoint(req: Request, fromQuery: string | undefined): string | undefined {
  const header = req.get('last-event-id');
  if (header === undefined || header === '') return fromQuery;
  const parsed = LastEventIdHeader.safeParse(header);
  if (!parsed.success) {
    throw new AppError('invalid_input', 'Last-Event-ID is not an event id this stream sent', {
      details: [{ path: ['Last-Event-ID'], code: 'invalid_format', message: 'an event id the stream sent' }],
    });
  }
  return parsed.data;
}

const frame = (event: Pick<StoredLiveEvent, 'id' | 'type' | 'data'>) => {
  const sent = { id: event.id, type: event.type, data: event.data } as LiveEventFrame;
  return `id: ${event.id}\ndata: ${JSON.stringify(sent)}\n\n`;
};

const resetFrame = (goesOnFrom: string | null) =>
  `${goesOnFrom ? `id: ${goesOnFrom}\n` : ''}data: ${JSON.stringify({ id: goesOnFrom ?? '0', type: 'stream.reset', data: {} })}\n\n`;

/**
 * Serves one stream: headers that keep proxies from buffering or compressing it, the replay of
 * what the page missed, then the hub's live events, until the client goes, the token expires or
 * the process shuts down. Live events that arrive during a replay wait and are not sent twice;
 * when the hub's listener comes back from an outage, the stream replays from its last event.
 */
export async function serveLiveStream(
  deps: { db: Database; hub: Pick<LiveHub, 'subscribe'> },
  stream: { reader: LiveReader; resumeAfter: string | undefined; endsAt: Date },
  res: Response,
): Promise<void> {
  const { reader } = stream;
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  res.write(`retry: ${RETRY_MS}\n: open\n\n`);

  let open = true;
  let lastSent = stream.resumeAfter;
  /** Live events held while a replay reads the table; null when none is under way. */
  let waiting: StoredLiveEvent[] | null = null;
  const sent = new Set<string>();
  const send = (event: StoredLiveEvent) => {
    if (!open || sent.has(event.id)) return;
    res.write(frame(event));
    lastSent = event.id;
  };

  async function replay(after: string | undefined): Promise<void> {
    if (waiting) return;
    waiting = [];
    try {
      const missed = after
        ? await replayAfter(deps.db, reader, BigInt(after))
        : { reset: await deps.db.withTenantTx(reader.tenantId, liveRepository.newestId) };
      if ('reset' in missed) {
        if (open) res.write(resetFrame(missed.reset));
        if (missed.reset) lastSent = missed.reset;
      } else {
        for (const event of missed.events) {
          send(event);
          sent.add(event.id);
        }
      }
      for (const event of waiting) send(event);
    } catch {
      // The page reconnects and resumes from its last event, which it then receives.
      finish();
    } finally {
      waiting = null;
      sent.clear();
    }
  }

  const unsubscribe = deps.hub.subscribe({
    reader,
    deliver: (event) => (waiting ? waiting.push(event) : send(event)),
    catchUp: () => void replay(lastSent),
    beat: () => open && res.write(HEARTBEAT_FRAME),
    end: () => finish(),
  });
  const expiry = setTimeout(() => finish(), Math.max(0, stream.endsAt.getTime() - Date.now()));
  function finish() {
    if (!open) return;
    open = false;
    clearTimeout(expiry);
    unsubscribe();
    res.end();
  }
  res.on('close', finish);

  if (stream.resumeAfter) await replay(stream.resumeAfter);
}

/** What the reader missed after `after`, or a reset when the tenant no longer keeps it all. */
async function replayAfter(db: Database, reader: LiveReader, after: bigint): Promise<Replay> {
  return db.withTenantTx(reader.tenantId, async (tx) => {
    const writtenAt = await liveRepository.writtenAt(tx, after, new Date(Date.now() - LIVE_RETENTION_MS));
    if (!writtenAt) return { reset: await liveRepository.newestId(tx) };
    const rows = await liveRepository.since(
      tx,
      after,
      new Date(writtenAt.getTime() - COMMIT_LAG_ALLOWANCE_MS),
      RESUME_LIMIT + 1,
    );
    if (rows.length > RESUME_LIMIT) return { reset: await liveRepository.newestId(tx) };
    return { events: rows.filter((event) => receives(reader, event)) };
  });
}
