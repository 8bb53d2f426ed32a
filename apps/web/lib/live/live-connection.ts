import {
  LIVE_HEARTBEAT_SECONDS,
  LiveEvent,
  type LiveEventFrame,
  type LiveStreamToken,
  RouteCallError,
} from '@muse/contracts';

/**
 * - `connecting`: the first connection is being opened.
 * - `live`: events arrive as they happen.
 * - `reconnecting`: the connection was lost; another attempt is waiting or under way.
 * - `off`: this caller has no stream (the API refused it a token); pages fall back to polling.
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'off';

/** An event that says what changed (as opposed to `stream.reset`, which says what was missed). */
export type LiveChange = Exclude<LiveEventFrame, { type: 'stream.reset' }>;

export interface LiveConnectionOptions {
  apiUrl: string;
  /** Asks the API for a stream token, as the page's caller (a signed-in user or a review link). */
  issueToken: () => Promise<LiveStreamToken>;
  onChange: (event: LiveChange) => void;
  /**
   * The page may have missed events it cannot be told about (it reconnected with nothing to
   * resume from, or the stream said `stream.reset`): it refetches what it shows.
   */
  onMissed: () => void;
  onStatus: (status: LiveStatus) => void;
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;
/**
 * The stream beats every LIVE_HEARTBEAT_SECONDS: hearing nothing for two beats means the
 * connection died without the browser noticing (a phone that slept or changed networks).
 */
const SILENT_FOR_MS = (2 * LIVE_HEARTBEAT_SECONDS + 5) * 1000;
/** A token this close to its end is not used for a new connection: the stream would end at once. */
const TOKEN_MARGIN_MS = 30_000;

/**
 * How long to wait before reconnection attempt `attempt` (0 for the first): doubling from 1 s up
 * to 30 s, with jitter so that the pages of one outage do not all come back in the same instant.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** A refusal that asking again will not change (no stream for this caller), unlike 401, 429 or a network error. */
const isFinalRefusal = (error: unknown) =>
  error instanceof RouteCallError &&
  error.status >= 400 &&
  error.status < 500 &&
  ![401, 408, 429].includes(error.status);

/** The event a stream message carries, or null for one this page does not understand. */
export function parseFrame(message: { data: string; lastEventId: string }): LiveEventFrame | null {
  try {
    const parsed = LiveEvent.safeParse(JSON.parse(message.data));
    return parsed.success ? { ...parsed.data, id: message.lastEventId } : null;
  } catch {
    return null;
  }
}

/**
 * Keeps one live stream open for the page: gets a token, opens an EventSource, and when the
 * connection is lost or its token ends, opens a new one with a fresh token that resumes after
 * the last event received, so nothing is missed. Returns what closes it for good.
 */
export function openLiveConnection(options: LiveConnectionOptions): () => void {
  let closed = false;
  let source: EventSource | null = null;
  /** Set while the next attempt waits out its backoff. */
  let timer: ReturnType<typeof setTimeout> | undefined;
  let token: LiveStreamToken | null = null;
  let lastEventId: string | null = null;
  let attempt = 0;
  let everOpened = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  const streamUrl = (streamToken: string) => {
    const url = new URL('/api/events', options.apiUrl);
    url.searchParams.set('token', streamToken);
    if (lastEventId) url.searchParams.set('lastEventId', lastEventId);
    return url.href;
  };

  const validToken = async () => {
    if (token && new Date(token.expiresAt).getTime() - Date.now() > TOKEN_MARGIN_MS) return token;
    token = await options.issueToken();
    return token;
  };

  const retry = () => {
    if (closed) return;
    options.onStatus(everOpened ? 'reconnecting' : 'connecting');
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryDelay(attempt));
    attempt += 1;
  };

  async function connect() {
    if (closed) return;
    let streamToken: LiveStreamToken;
    try {
      streamToken = await validToken();
    } catch (error) {
      if (isFinalRefusal(error)) options.onStatus('off');
      else retry();
      return;
    }
    if (closed) return;
    const opened = new EventSource(streamUrl(streamToken.token));
    source = opened;
    const heard = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => drop(opened), SILENT_FOR_MS);
    };
    opened.onopen = () => {
      heard();
      // Back after a loss with no event to resume from: what happened meanwhile is unknown.
      if (everOpened && !lastEventId) options.onMissed();
      everOpened = true;
      attempt = 0;
      options.onStatus('live');
    };
    opened.addEventListener('heartbeat', heard);
    opened.onmessage = (message) => {
      heard();
      const frame = parseFrame(message);
      if (message.lastEventId) lastEventId = message.lastEventId;
      if (!frame) return;
      if (frame.type === 'stream.reset') options.onMissed();
      else options.onChange(frame);
    };
    // The browser would reconnect by itself with the same, possibly expired, token: this
    // connection is closed instead and the next one asks for a fresh token.
    opened.onerror = () => drop(opened);
  }

  /** Ends a connection that is lost and, if it is still the page's, waits to open another. */
  function drop(lost: EventSource) {
    lost.close();
    if (source !== lost) return;
    clearTimeout(watchdog);
    source = null;
    token = null;
    retry();
  }

  // Coming back online is worth trying at once rather than after the backoff.
  const reconnectNow = () => {
    if (closed || timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    attempt = 0;
    void connect();
  };
  // Gone offline: the open connection cannot deliver, though the browser may not say so for minutes.
  const dropNow = () => {
    if (source) drop(source);
  };
  window.addEventListener('online', reconnectNow);
  window.addEventListener('offline', dropNow);
  void connect();

  return () => {
    closed = true;
    clearTimeout(timer);
    clearTimeout(watchdog);
    window.removeEventListener('online', reconnectNow);
    window.removeEventListener('offline', dropNow);
    source?.close();
    source = null;
  };
}
