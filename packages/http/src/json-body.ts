import express, { type RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

/**
 * Parses a JSON body of at most `limit`. A body of another type is refused (415
 * unsupported_media_type) rather than read as empty: the parser would pass over it, and a route
 * whose fields are all optional would then act on defaults the caller never asked for.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true });
  return (req, res, next) => {
    const hasContent =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasContent && !req.is('application/json')) {
      next(
        new HttpError(
          415,
          'unsupported_media_type',
          'Send the request body as JSON (Content-Type: application/json)',
        ),
      );
      return;
    }
    parse(req, res, next);
  };
}
