import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

/**
 * Only the API holds the service token; it sends `Authorization: Bearer <token>`. Both sides are hashed
 * first, so the comparison takes the same time whatever the length or content of the guess.
 */
export function requireServiceToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, _res, next) => {
    const match = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1])
      throw new AppError('unauthenticated', 'A service token is required (Authorization: Bearer …).');
    if (!timingSafeEqual(digest(match[1]), expected))
      throw new AppError('unauthenticated', 'The service token is not valid.');
    next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
