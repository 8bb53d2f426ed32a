import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';

const REDACTED = '[redacted]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Review links, signed actions and stream tokens: long random segments (with digits), not ids or code names. */
const TOKEN_SEGMENT = /^(?=.*\d)[A-Za-z0-9._~-]{32,}$/;
const URL_LIKE_KEY = /url|target|path|query|route/i;

/**
 * Addresses lose what could open something: every query value (a stream's `?token=`) and every
 * path segment that looks like a token (`/review/<token>`, `/act/<token>`). Ids stay readable.
 */
export function redactAddress(address: string): string {
  const queryAt = address.indexOf('?');
  const path = queryAt === -1 ? address : address.slice(0, queryAt);
  const query = queryAt === -1 ? '' : address.slice(queryAt + 1);
  const safePath = path
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) && !UUID.test(segment) ? REDACTED : segment))
    .join('/');
  if (queryAt === -1) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1 ? pair : `${pair.slice(0, equals)}=${REDACTED}`;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

/** Applies `redactAddress` to a span's name and address attributes just before it ends. */
export class RedactAddresses implements SpanProcessor {
  onStart(_span: Span, _context: Context): void {}

  onEnding(span: Span): void {
    span.updateName(redactAddress(span.name));
    for (const [key, value] of Object.entries(span.attributes)) {
      if (typeof value === 'string' && URL_LIKE_KEY.test(key)) span.setAttribute(key, redactAddress(value));
    }
  }

  onEnd(_span: ReadableSpan): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
