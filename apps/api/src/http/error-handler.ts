import type { ApiError, ApiErrorCode } from '@muse/contracts';
import { Prisma } from '@muse/db';
import { getContext, type Logger } from '@muse/logger';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { uniqueViolation } from '../shared/unique-violation.ts';
import { AppError } from './app-error.ts';
import { issuesOf } from './validation.ts';

/** Errors body-parser raises (http-errors with a `type`), by what they mean to the caller. */
const BODY_ERRORS: Record<string, [ApiErrorCode, string]> = {
  'entity.parse.failed': ['invalid_input', 'The request body is not valid JSON'],
  'entity.too.large': ['payload_too_large', 'The request body is too large'],
  'encoding.unsupported': ['unsupported_media_type', 'Unsupported content encoding'],
  'charset.unsupported': ['unsupported_media_type', 'Unsupported charset'],
  'request.aborted': ['invalid_input', 'The request was aborted'],
  'request.size.invalid': ['invalid_input', 'The request size does not match its length'],
};

/** Codes under which PostgreSQL could not be reached or did not answer in time. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/** Translates any thrown value into the AppError the caller sees; unknown errors become `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
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
    if (UNAVAILABLE_PRISMA_CODES.has(error.code)) {
      return new AppError('unavailable', 'The database is unavailable, try again', { cause: error });
    }
  }
  if (error instanceof Prisma.PrismaClientInitializationError) {
    return new AppError('unavailable', 'The database is unavailable, try again', { cause: error });
  }
  const bodyErrorType =
    typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  const bodyError = typeof bodyErrorType === 'string' ? BODY_ERRORS[bodyErrorType] : undefined;
  if (bodyError) return new AppError(bodyError[0], bodyError[1], { cause: error });
  if (error instanceof URIError) return new AppError('invalid_input', 'Malformed URL', { cause: error });
  const status =
    typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  if (status === 404) return new AppError('not_found', 'Not found', { cause: error });
  return new AppError('internal', 'Something went wrong on our side', { cause: error });
}

export function errorBody(error: AppError): ApiError {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      requestId: getContext()?.requestId,
    },
  };
}

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new AppError('not_found', `No route for ${req.method} ${req.path}`));
}

/** Answers every error in the envelope; internals are logged, never sent. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    }
    if (res.headersSent) {
      next(error);
      return;
    }
    if (appError.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(appError.status).json(errorBody(appError));
  };
}
