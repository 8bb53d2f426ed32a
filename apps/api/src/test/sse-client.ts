import type { LiveEventFrame } from '@muse/contracts';

/** One frame as a test received it, with when (performance.now()). */
export interface ReceivedFrame {
  frame: LiveEventFrame;
  at: number;
}

export interface SseClient {
  status: number;
  headers: Headers;
  frames: ReceivedFrame[];
  /** Comment lines (the opening one). */
  comments: string[];
  /** The names of named events (heartbeats), which a page's `onmessage` does not receive. */
  named: string[];
  /** Settles when the server ends the stream. */
  ended: Promise<void>;
  /** The first frame (from now on, or among those received) that matches; rejects after `timeoutMs`. */
  waitFor(match: (frame: LiveEventFrame) => boolean, timeoutMs?: number): Promise<ReceivedFrame>;
  close(): void;
}

/**
 * A server-sent events client over fetch, as a browser's EventSource reads the stream: frames
 * separated by a blank line, `id:`, `event:` and `data:` fields, comment lines starting with a colon.
 */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const frames: ReceivedFrame[] = [];
  const comments: string[] = [];
  const named: string[] = [];
  const listeners = new Set<() => void>();
  let finished = false;

  const parse = (block: string) => {
    const data: string[] = [];
    let event: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments.push(line.slice(1).trim());
      else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (event && event !== 'message') named.push(event);
    else if (data.length > 0) {
      frames.push({ frame: JSON.parse(data.join('\n')) as LiveEventFrame, at: performance.now() });
      for (const listener of listeners) listener();
    }
  };

  const ended = (async () => {
    if (!res.body || res.status !== 200) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          parse(buffer.slice(0, boundary));
          buffer = buffer.slice(boundary + 2);
          boundary = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      finished = true;
      for (const listener of listeners) listener();
    }
  })();

  return {
    status: res.status,
    headers: res.headers,
    frames,
    comments,
    named,
    ended,
    waitFor(match, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(({ frame }) => match(frame));
          if (found || finished) {
            clearTimeout(timer);
            listeners.delete(check);
            if (found) resolve(found);
            else reject(new Error('the stream ended before the frame arrived'));
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames.map((f) => f.frame))}`,
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
