import http from 'node:http';

export interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as it is (with the caller's content type). */
  body?: unknown;
}

/** What became of one request: an HTTP answer, or how the connection failed. */
export interface Outcome {
  /** performance.now() when the request was handed to the socket, and when it ended. */
  sentAt: number;
  endedAt: number;
  status: number | null;
  /** The error envelope's code, when the answer carried one. */
  code: string | null;
  /** ECONNRESET, ECONNREFUSED, timeout …; null when an answer arrived. */
  failure: string | null;
  body: unknown;
}

export const elapsed = (outcome: Outcome) => outcome.endedAt - outcome.sentAt;

/**
 * A keep-alive HTTP client that reports connection failures instead of retrying them, so a reset
 * or a hang is seen as what it is. Every request has a deadline.
 */
export function createHttpClient(baseUrl: string, options: { timeoutMs: number; maxSockets?: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 32 });
  const { hostname, port } = new URL(baseUrl);

  function send(call: Call): Promise<Outcome> {
    const json = call.body !== undefined && typeof call.body !== 'string' && !Buffer.isBuffer(call.body);
    const payload = json ? JSON.stringify(call.body) : (call.body as string | Buffer | undefined);
    const headers: Record<string, string> = {
      ...(json ? { 'content-type': 'application/json' } : {}),
      ...call.headers,
    };
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    return new Promise((resolve) => {
      const sentAt = performance.now();
      let settled = false;
      const settle = (outcome: Omit<Outcome, 'sentAt' | 'endedAt'>) => {
        if (settled) return;
        settled = true;
        resolve({ sentAt, endedAt: performance.now(), ...outcome });
      };
      const request = http.request(
        { agent, hostname, port, method: call.method, path: call.path, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error: NodeJS.ErrnoException) =>
            settle({ status: null, code: null, failure: error.code ?? error.message, body: null }),
          );
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // Not JSON: keep the text.
            }
            const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
            settle({
              status: response.statusCode ?? null,
              code: typeof code === 'string' ? code : null,
              failure: null,
              body,
            });
          });
        },
      );
      request.setTimeout(options.timeoutMs, () => {
        settle({ status: null, code: null, failure: 'timeout', body: null });
        request.destroy();
      });
      request.on('error', (error: NodeJS.ErrnoException) =>
        settle({ status: null, code: null, failure: error.code ?? error.message, body: null }),
      );
      request.end(payload);
    });
  }

  return { send, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
