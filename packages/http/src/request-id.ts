import { requestIdFrom, runWithContext } from '@muse/request-context';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Accepts the caller's request id (or mints one), echoes it, and runs the request in its
 * context, so every log line and outbound call of the request carries it.
 */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    runWithContext({ requestId }, () => next());
  };
}
