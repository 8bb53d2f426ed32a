import type { Logger } from '@muse/logger';
import { getContext } from '@muse/request-context';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

export interface IssueDetail {
  path: string;
  message: string;
}

/** Parses a request body, or throws invalid_input listing every problem by its path. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) {
    throw new AppError('invalid_input', 'Expected a JSON body (Content-Type: application/json).');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new AppError('invalid_input', 'The request body is not valid.', {
      details: issueDetails(result.error),
    });
  }
  return result.data;
}

/** One detail per problem; an unknown key gets its own full path, so the caller sees exactly what to remove. */
export function issueDetails(error: z.ZodError): IssueDetail[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'Unknown field.' }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}

export const notFound: RequestHandler = (req) => {
  throw new AppError('not_found', `No route ${req.method} ${req.path}.`);
};

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  expose?: boolean;
}

/** Maps every error to the envelope; internals are logged, never answered. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const appError = toAppError(error);
    if (appError.code === 'internal') logger.error({ err: error }, 'request failed');
    else if (appError.status >= 500) logger.warn({ code: appError.code, err: error }, appError.message);
    else logger.info({ code: appError.code, details: appError.details }, appError.message);

    if (appError.retryAfterMs !== undefined)
      res.setHeader('retry-after', String(Math.ceil(appError.retryAfterMs / 1000)));
    res.status(appError.status).json({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details ? { details: appError.details } : {}),
        requestId: getContext()?.requestId,
      },
    });
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const bodyError = error as BodyParserError;
  if (bodyError?.type === 'entity.parse.failed')
    return new AppError('invalid_input', 'The body is not valid JSON.');
  if (bodyError?.type === 'entity.too.large')
    return new AppError('payload_too_large', 'The body is too large.');
  if (bodyError?.expose && bodyError.status !== undefined && bodyError.status < 500) {
    return new AppError('invalid_input', bodyError.message);
  }
  return new AppError('internal', 'Something went wrong.', { cause: error });
}
