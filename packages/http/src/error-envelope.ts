import type { ErrorEnvelope } from '@muse/contracts';
import { getContext } from '@muse/request-context';
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { HttpError } from './http-error.ts';

/** The envelope of an error, with the request id the caller can quote. */
export function errorBody(error: HttpError): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      requestId: getContext()?.requestId,
    },
  };
}

export function sendError(res: Response, error: HttpError): void {
  res.set(error.headers);
  if (error.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(error.status).json(errorBody(error));
}

/** Errors body-parser raises (http-errors with a `type`), by what they mean to the caller. */
const BODY_ERRORS = {
  'entity.parse.failed': ['invalid_input', 'The request body is not valid JSON'],
  'entity.too.large': ['payload_too_large', 'The request body is too large'],
  'encoding.unsupported': ['unsupported_media_type', 'Unsupported content encoding'],
  'charset.unsupported': ['unsupported_media_type', 'Unsupported charset'],
  'request.aborted': ['invalid_input', 'The request was aborted'],
  'request.size.invalid': ['invalid_input', 'The request size does not match its length'],
} as const;

export type BodyFailureCode = (typeof BODY_ERRORS)[keyof typeof BODY_ERRORS][0];

/** What a failure to read the request body means to the caller, or undefined for any other error. */
export function bodyFailureOf(error: unknown): { code: BodyFailureCode; message: string } | undefined {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  const known = typeof type === 'string' ? BODY_ERRORS[type as keyof typeof BODY_ERRORS] : undefined;
  if (known) return { code: known[0], message: known[1] };
  // zlib's errors reach us from the body parser when the bytes do not match their Content-Encoding.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return { code: 'invalid_input', message: 'The request body could not be decompressed' };
  }
  return undefined;
}

export const noRouteMessage = (req: Request) => `No route for ${req.method} ${req.path}`;

export interface ErrorHandlerOptions {
  /** The service's own reading of anything thrown. */
  toHttpError(error: unknown): HttpError;
  /** Logs the failure as the service sees fit; internals are logged, never answered. */
  report(error: unknown, answered: HttpError, req: Request): void;
}

/** Answers every error in the envelope. */
export function errorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  return (error, req, res, next) => {
    const answered = options.toHttpError(error);
    options.report(error, answered, req);
    if (res.headersSent) {
      next(error);
      return;
    }
    sendError(res, answered);
  };
}
