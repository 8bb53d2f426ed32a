import pg from 'pg';

export interface ListenOptions {
  url: string;
  /** A plain lower-case identifier. */
  channel: string;
  onNotify(payload: string): void;
  /**
   * Each time the LISTEN is in place: the first time, and after each reconnection, when what was
   * sent in between was not heard (a caller that keeps the events elsewhere catches up then).
   */
  onListening?(): void;
  /** A lost or refused connection: reported, then retried after `retryMs`. */
  onError(error: Error): void;
  retryMs?: number;
}

export interface Listener {
  /** Settles once the first LISTEN is in place. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * A connection of its own that LISTENs on a channel, and reconnects whenever it is lost: an
 * outage of the database must not end the process. Notifications sent while it was down are
 * gone, so callers keep a slower poll as their fallback.
 */
export function listen(options: ListenOptions): Listener {
  if (!CHANNEL.test(options.channel)) throw new Error(`not a channel name: ${options.channel}`);
  const retryMs = options.retryMs ?? 1_000;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const reconnectLater = (failed: pg.Client) => {
    if (current === failed) current = undefined;
    failed.end().catch(() => undefined);
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, retryMs);
    retry.unref();
  };

  async function connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: options.url,
      application_name: `listen-${options.channel}`,
    });
    client.on('notification', (message) => {
      if (message.channel === options.channel && message.payload) options.onNotify(message.payload);
    });
    client.on('error', (error) => {
      options.onError(error);
      reconnectLater(client);
    });
    client.on('end', () => {
      if (current === client) reconnectLater(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${options.channel}`);
    } catch (error) {
      options.onError(error as Error);
      reconnectLater(client);
      return;
    }
    if (closed) {
      await client.end();
      markReady();
      return;
    }
    current = client;
    markReady();
    options.onListening?.();
  }

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      await current?.end().catch(() => undefined);
    },
  };
}
