import type { ApiErrorCode } from '@muse/contracts';
import { Prisma } from '@muse/db';
import { errorHandler as answerErrors, bodyFailureOf, HttpError, issuesOf, noRouteMessage } from '@muse/http';
import type { Logger } from '@muse/logger';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { uniqueViolation } from '../shared/unique-violation.ts';
import { AppError } from './app-error.ts';

/** Codes under which PostgreSQL could not be reached or did not answer in time. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2037']);

/**
 * SQLSTATEs of a server that is going away or not there yet: class 08 (connection exception),
 * 57P01–57P03 (shut down by an operator, crashed, starting up or shutting down), 53300 (too many
 * connections).
 */
const isUnavailableSqlState = (code: string) =>
  code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);

/**
 * SQLSTATEs of text PostgreSQL cannot hold: 22021 (e.g. a NUL character, which JSON and URLs can
 * carry) and 22P05 (untranslatable character). The caller sent it: 400, not 500.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/** What node-postgres throws, unwrapped, when a pooled connection dies under a transaction. */
const DROPPED_CONNECTION =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/** The `code` a thrown value carries (Node, node-postgres, zlib), if any. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Failures of the driver adapter's own that mean the server cannot be reached. */
const UNAVAILABLE_DRIVER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/** What the driver reported: a PostgreSQL error (`code` is its SQLSTATE) or a failure `kind` of its own. */
type DriverCause = { kind?: unknown; code?: unknown };

/**
 * The driver's report behind an error: Prisma wraps it in a known request error (P2039, P2010 for
 * raw queries), or lets the adapter's DriverAdapterError through as it is (e.g. from a COMMIT).
 */
function driverCauseOf(error: unknown): DriverCause | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    return (error.meta?.driverAdapterError as { cause?: DriverCause } | undefined)?.cause;
  }
  if (error instanceof Error && error.name === 'DriverAdapterError') {
    return (error as { cause?: DriverCause }).cause;
  }
  return undefined;
}

/** The SQLSTATE behind an error, from the driver's report or node-postgres's own error. */
function sqlStateOf(error: unknown): string | undefined {
  const code = codeOf(driverCauseOf(error) ?? error);
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Whether the error means PostgreSQL is unreachable for now, rather than that the request was wrong. */
function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const prismaCode = error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
  const kind = driverCauseOf(error)?.kind;
  const sqlState = sqlStateOf(error);
  return (
    (prismaCode !== undefined && UNAVAILABLE_PRISMA_CODES.has(prismaCode)) ||
    (typeof kind === 'string' && UNAVAILABLE_DRIVER_KINDS.has(kind)) ||
    (sqlState !== undefined && isUnavailableSqlState(sqlState)) ||
    (error instanceof Error && DROPPED_CONNECTION.test(error.message))
  );
}

/** Translates any thrown value into the error the caller sees; unknown errors become `internal`. */
export function toAppError(error: unknown): HttpError<ApiErrorCode> {
  if (error instanceof HttpError) return error as HttpError<ApiErrorCode>;
  if (error instanceof ZodError) {
    return new AppError('invalid_input', 'The request is not valid', {
      details: issuesOf(error),
      cause: error,
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2025') return new AppError('not_found', 'Not found', { cause: error });
    const violation = uniqueViolation(error);
    if (violation) {
      return new AppError('conflict', 'This conflicts with an existing record', {
        details: violation.fields.length > 0 ? [{ fields: violation.fields }] : undefined,
        cause: error,
      });
    }
  }
  if (UNSTORABLE_TEXT.has(sqlStateOf(error) ?? '')) {
    return new AppError('invalid_input', 'Text holds a character that cannot be stored', { cause: error });
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError('unavailable', 'The database is unavailable, try again', { cause: error });
  }
  const bodyFailure = bodyFailureOf(error);
  if (bodyFailure) return new AppError(bodyFailure.code, bodyFailure.message, { cause: error });
  if (error instanceof URIError) return new AppError('invalid_input', 'Malformed URL', { cause: error });
  const status =
    typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  if (status === 404) return new AppError('not_found', 'Not found', { cause: error });
  return new AppError('internal', 'Something went wrong on our side', { cause: error });
}

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new AppError('not_found', noRouteMessage(req)));
}

/** Answers every error in the envelope; internals are logged, never sent. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return answerErrors({
    toHttpError: toAppError,
    report(error, answered, req) {
      if (answered.code === 'unavailable') {
        // An outage of PostgreSQL fails every request at once: one warning each, without the stack.
        logger.warn(
          { reason: (error as Error).message, url: req.originalUrl },
          'request failed: database unavailable',
        );
      } else if (answered.status >= 500) {
        logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
      }
    },
  });
}
