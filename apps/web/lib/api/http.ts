import { ErrorEnvelope } from '@muse/contracts';
import type { z } from 'zod';

/** Sends a request to the API (path starting with /api) and returns the raw response. */
export type Transport = (path: string, init: RequestInit) => Promise<Response>;

/** An answer of the API other than 2xx, with the envelope's code and details. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details: unknown[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  const body = await response.json().catch(() => null);
  const envelope = ErrorEnvelope.safeParse(body);
  if (envelope.success) {
    const { code, message, details, requestId } = envelope.data.error;
    return new ApiRequestError(response.status, code, message, details, requestId);
  }
  return new ApiRequestError(
    response.status,
    'unexpected_response',
    `The server answered ${response.status}.`,
  );
}

interface CallOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  schema: S;
}

/** Calls the API and parses the success body with the contract's schema, so the UI never renders unchecked data. */
export async function call<S extends z.ZodType>(
  transport: Transport,
  path: string,
  { method = 'GET', query, body, headers, schema }: CallOptions<S>,
): Promise<z.infer<S>> {
  const response = await transport(withQuery(path, query), {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await errorFrom(response);
  const json = response.status === 204 ? null : await response.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiRequestError(
      response.status,
      'unexpected_response',
      'The server sent data this page cannot read.',
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** Maps `invalid_input` details to `{ "field.path": message }` for forms. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError) || error.code !== 'invalid_input') return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (Array.isArray(path) && typeof message === 'string') errors[path.join('.')] ??= message;
  }
  return errors;
}

/** A sentence for a toast: the API's own message for domain errors, a plain one for the rest. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    switch (error.code) {
      case 'version_conflict':
        return 'Someone else changed this in the meantime. We reloaded the latest version — please try again.';
      case 'invalid_transition':
        return 'That move is no longer possible: the idea changed status in the meantime.';
      case 'rate_limited':
        return 'Too many requests right now. Wait a moment and try again.';
      case 'unexpected_response':
      case 'internal':
        return 'Something went wrong on our side. Please try again.';
      default:
        return error.message;
    }
  }
  if (error instanceof TypeError) return 'Cannot reach the server. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}
