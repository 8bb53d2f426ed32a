import express, { type RequestHandler } from 'express';
import { AppError } from './app-error.ts';

/**
 * Parses a route's JSON body. A body of another type is refused rather than read as empty: the
 * parser would pass over it, and a route whose fields are all optional would then act on
 * defaults the caller never asked for. No body at all is an empty object.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true });
  return (req, res, next) => {
    const hasContent =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasContent && !req.is('application/json')) {
      next(
        new AppError(
          'unsupported_media_type',
          'Send the request body as JSON (Content-Type: application/json)',
        ),
      );
      return;
    }
    parse(req, res, next);
  };
}
