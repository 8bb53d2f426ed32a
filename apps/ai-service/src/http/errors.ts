import { errorHandler as answerErrors, bodyFailureOf, HttpError, issuesOf, noRouteMessage } from '@muse/http';
import type { Logger } from '@muse/logger';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** The service only reads JSON: a body it cannot read is the caller's mistake, whatever the reason. */
const EXPECTED_JSON = 'Expected a JSON body (Content-Type: application/json).';

/** Parses a request body, or throws invalid_input listing every problem by its path. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) throw new AppError('invalid_input', EXPECTED_JSON);
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new AppError('invalid_input', 'The request body is not valid.', {
      details: issuesOf(result.error, 'body'),
    });
  }
  return result.data;
}

export const notFound: RequestHandler = (req) => {
  throw new AppError('not_found', noRouteMessage(req));
};

/** What the caller is answered for anything thrown. */
export function toAppError(error: unknown): HttpError {
  if (error instanceof HttpError) {
    return error.code === 'unsupported_media_type' ? new AppError('invalid_input', EXPECTED_JSON) : error;
  }
  const bodyFailure = bodyFailureOf(error);
  if (bodyFailure) {
    return bodyFailure.code === 'payload_too_large'
      ? new AppError('payload_too_large', bodyFailure.message)
      : new AppError('invalid_input', bodyFailure.message);
  }
  return new AppError('internal', 'Something went wrong.', { cause: error });
}

/** Logs a failure by how it was answered: internals as errors, the LLM's troubles as warnings. */
export function reportFailure(logger: Logger, error: unknown, answered: HttpError): void {
  if (answered.code === 'internal') logger.error({ err: error }, 'request failed');
  else if (answered.status >= 500) logger.warn({ code: answered.code, err: error }, answered.message);
  else logger.info({ code: answered.code, details: answered.details }, answered.message);
}

/** Maps every error to the envelope; internals are logged, never answered. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return answerErrors({
    toHttpError: toAppError,
    report: (error, answered) => reportFailure(logger, error, answered),
  });
}
