import type { z } from 'zod';
import { ErrorEnvelope } from './errors.ts';
import type { RouteContract } from './routes.ts';

/**
 * Sends one request (a path with its query, starting at the service's root) and returns the raw
 * response. Each caller brings its own: the base URL, credentials, timeouts and retries live there.
 */
export type Transport = (path: string, init: RequestInit) => Promise<Response>;

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;

/** What a call of `contract` needs: its `:params`, query and body, typed by the contract. */
export type RouteInput<C extends RouteContract> = (C extends { params: z.ZodType }
  ? { params: InputOf<C['params']> }
  : { params?: undefined }) &
  (C extends { query: z.ZodType } ? { query?: Partial<InputOf<C['query']>> } : { query?: undefined }) &
  (C extends { body: z.ZodType } ? { body: InputOf<C['body']> } : { body?: undefined }) & {
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };

/** The parsed success body of `contract`; `undefined` for routes that answer with none. */
export type RouteOutput<C extends RouteContract> = C extends { response: z.ZodType }
  ? z.output<C['response']>
  : undefined;

/**
 * An answer other than 2xx, or one this side cannot read. `code`, `message`, `details` and
 * `requestId` come from the error envelope; `unexpected_response` means there was none, or a
 * success body did not match the contract.
 */
export class RouteCallError extends Error {
  override name = 'RouteCallError';

  readonly status: number;
  readonly code: string;
  readonly details: unknown[];
  readonly requestId: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { details?: unknown[]; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.details = options.details ?? [];
    this.requestId = options.requestId;
  }
}

/** The contract's path with its `:name` parameters filled in, each encoded as one segment. */
export function pathOf(contract: RouteContract, params: Record<string, unknown> = {}): string {
  return contract.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`${contract.method} ${contract.path}: the parameter "${name}" is missing`);
    }
    return encodeURIComponent(String(value));
  });
}

/** `path?query`, leaving out empty values; a list repeats its key. */
export function withQuery(path: string, query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function errorOf(response: Response): Promise<RouteCallError> {
  const body: unknown = await response.json().catch(() => undefined);
  const envelope = ErrorEnvelope.safeParse(body);
  if (!envelope.success) {
    return new RouteCallError(
      response.status,
      'unexpected_response',
      `The server answered ${response.status}.`,
    );
  }
  const { code, message, details, requestId } = envelope.data.error;
  return new RouteCallError(response.status, code, message, { details, requestId });
}

/** Sends the request `contract` describes; answers other than 2xx throw RouteCallError. */
export async function sendRoute<C extends RouteContract>(
  transport: Transport,
  contract: C,
  input: RouteInput<C>,
): Promise<Response> {
  const { params, query, body, headers, signal } = input as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };
  const response = await transport(withQuery(pathOf(contract, params), query), {
    method: contract.method,
    headers: {
      accept: contract.contentType ?? 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await errorOf(response);
  return response;
}

/**
 * Calls a JSON route and parses its success body with the contract's response schema, so no
 * caller works with unchecked data.
 */
export async function callRoute<C extends RouteContract>(
  transport: Transport,
  contract: C,
  input: RouteInput<C>,
): Promise<RouteOutput<C>> {
  const response = await sendRoute(transport, contract, input);
  if (!contract.response || response.status === 204) return undefined as RouteOutput<C>;
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = contract.response.safeParse(body);
  if (!parsed.success) {
    throw new RouteCallError(
      response.status,
      'unexpected_response',
      'The server sent data this side cannot read.',
      {
        details: parsed.error.issues,
        cause: parsed.error,
      },
    );
  }
  return parsed.data as RouteOutput<C>;
}
