import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { instanceHeaders } from '@muse/contracts';
import { createLogger, type Logger } from '@muse/logger';
import { requestIdFrom } from '@muse/request-context';
import { answerChat, completionBody, OFFLINE_MODEL_NAME, readChatRequest } from './completion.ts';
import { FaultConfigError, FaultInjector, type FaultKind, type FaultUpdate } from './faults.ts';

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const REQUEST_LOG_SIZE = 200;

/** One chat completion request as it arrived, for the request log and GET /_requests. */
export interface RecordedRequest {
  at: string;
  requestId: string;
  headers: Record<string, string>;
  body: unknown;
  fault: FaultKind | null;
  /** Null while pending, or when the client went away first. */
  status: number | null;
  usage: { prompt_tokens: number; completion_tokens: number } | null;
  durationMs: number | null;
}

export interface OfflineModelServer {
  readonly httpServer: Server;
  readonly faults: FaultInjector;
  /** The most recent chat completion requests, oldest first. */
  readonly requests: RecordedRequest[];
  /** Starts listening; port 0 picks a free port. Resolves with the base URL for an OpenAI client. */
  listen(port?: number, host?: string): Promise<{ port: number; url: string; baseURL: string }>;
  close(): Promise<void>;
}

class HttpError extends Error {
  readonly status: number;
  readonly param: string | null;

  constructor(status: number, message: string, param: string | null = null) {
    super(message);
    this.status = status;
    this.param = param;
  }
}

export interface OfflineModelOptions {
  /** Faults and behaviour to start with (and to return to on DELETE /_faults). */
  initial?: FaultUpdate;
  logger?: Logger;
  /** The source of randomness for fault rates. */
  random?: () => number;
  /**
   * Opens /_requests and /_faults to requests carrying `Authorization: Bearer <debugToken>`;
   * without it they do not exist, since the request log holds every tenant's prompts.
   */
  debugToken?: string;
  /** The launcher's MUSE_INSTANCE_ID, echoed on /healthz. */
  instanceId?: string;
}

export function createOfflineModelServer(options: OfflineModelOptions = {}): OfflineModelServer {
  const faults = new FaultInjector(options.initial, options.random);
  const logger = options.logger ?? createLogger('offline-model');
  const requests: RecordedRequest[] = [];

  async function handleCompletion(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
  ): Promise<void> {
    const started = performance.now();
    const body = await readJsonBody(req);
    const chat = readChatRequest(body);
    if ('problem' in chat) throw new HttpError(400, chat.problem, chat.param);

    const fault = faults.draw();
    const record: RecordedRequest = {
      at: new Date().toISOString(),
      requestId,
      headers: redactedHeaders(req),
      body,
      fault,
      status: null,
      usage: null,
      durationMs: null,
    };
    requests.push(record);
    if (requests.length > REQUEST_LOG_SIZE) requests.shift();
    logger.info({ request: { headers: record.headers, body }, fault }, 'chat completion request');

    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) gone.abort();
    });
    const finish = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      if (gone.signal.aborted) return;
      record.status = status;
      record.durationMs = Math.round(performance.now() - started);
      sendJson(res, status, payload, { ...headers, ...(fault ? { 'x-offline-model-fault': fault } : {}) });
      logger.info({ status, fault, durationMs: record.durationMs }, 'chat completion answered');
    };

    const { behaviour } = faults;
    if (fault === 'rate_limit') {
      finish(
        429,
        openAiError(
          'Rate limit reached for the offline model (injected fault).',
          'requests',
          'rate_limit_exceeded',
        ),
        {
          'retry-after': String(Math.ceil(behaviour.retryAfterMs / 1000)),
          'retry-after-ms': String(behaviour.retryAfterMs),
        },
      );
      return;
    }
    if (fault === 'server_error') {
      finish(500, openAiError('The offline model failed (injected fault).', 'server_error', null));
      return;
    }
    await pause(fault === 'hang' ? behaviour.hangMs : behaviour.latencyMs, gone.signal);
    if (gone.signal.aborted) {
      logger.info(
        { fault, durationMs: Math.round(performance.now() - started) },
        'client closed before the answer',
      );
      return;
    }
    const answerFault = fault === 'hang' ? null : fault;
    const completion = completionBody(chat, answerChat(chat, answerFault, behaviour.bannedPhrase));
    record.usage = completion.usage;
    finish(200, completion);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const path = new URL(req.url ?? '/', 'http://offline-model').pathname;
    const key = `${req.method} ${path}`;
    try {
      if (DEBUG_PATHS.has(path)) guardDebug(req, options.debugToken, key);
      switch (key) {
        case 'POST /v1/chat/completions':
          return await handleCompletion(req, res, requestId);
        case 'GET /healthz':
          return sendJson(
            res,
            200,
            { status: 'ok', service: 'offline-model' },
            instanceHeaders(options.instanceId),
          );
        case 'GET /v1/models':
          return sendJson(res, 200, {
            object: 'list',
            data: [{ id: OFFLINE_MODEL_NAME, object: 'model', created: 0, owned_by: 'muse' }],
          });
        case 'GET /_faults':
          return sendJson(res, 200, faults.snapshot());
        case 'POST /_faults':
          faults.update((await readJsonBody(req)) as never);
          logger.info({ faults: faults.snapshot() }, 'faults updated');
          return sendJson(res, 200, faults.snapshot());
        case 'DELETE /_faults':
          faults.reset();
          return sendJson(res, 200, faults.snapshot());
        case 'GET /_requests':
          return sendJson(res, 200, { requests });
        case 'DELETE /_requests':
          requests.length = 0;
          return sendJson(res, 200, { requests });
        default:
          throw new HttpError(404, `No route ${key}.`);
      }
    } catch (error) {
      const known = error instanceof HttpError || error instanceof FaultConfigError;
      if (!known) logger.error({ err: error }, 'offline model failed');
      const status = error instanceof HttpError ? error.status : known ? 400 : 500;
      const message = known ? (error as Error).message : 'The offline model failed.';
      const param = error instanceof HttpError ? error.param : null;
      if (!res.headersSent) sendJson(res, status, openAiError(message, 'invalid_request_error', null, param));
    }
  }

  const httpServer = createServer((req, res) => {
    void route(req, res);
  });

  return {
    httpServer,
    faults,
    requests,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address() as AddressInfo;
          const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
          const url = `http://${reachableHost}:${address.port}`;
          resolve({ port: address.port, url, baseURL: `${url}/v1` });
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        httpServer.close(() => resolve());
        // Hanging answers would otherwise hold the server open until hangMs.
        httpServer.closeAllConnections();
      });
    },
  };
}

const DEBUG_PATHS = new Set(['/_requests', '/_faults']);

function guardDebug(req: IncomingMessage, debugToken: string | undefined, key: string): void {
  if (!debugToken) throw new HttpError(404, `No route ${key}.`);
  const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  // Equal-length digests, so the comparison takes the same time whatever was presented.
  if (!timingSafeEqual(sha256(presented), sha256(debugToken))) {
    throw new HttpError(401, 'The debug endpoints need the debug bearer token.');
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

function openAiError(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

function redactedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = name === 'authorization' || name === 'api-key' ? '[redacted]' : String(value);
  }
  return headers;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
