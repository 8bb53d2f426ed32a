import { bearerMatches } from '@muse/config';
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

/** Only the API holds the service token; it sends `Authorization: Bearer <token>`. */
export function requireServiceToken(token: string): RequestHandler {
  return (req, _res, next) => {
    if (!req.headers.authorization)
      throw new AppError('unauthenticated', 'A service token is required (Authorization: Bearer …).');
    if (!bearerMatches(req.headers.authorization, token))
      throw new AppError('unauthenticated', 'The service token is not valid.');
    next();
  };
}
