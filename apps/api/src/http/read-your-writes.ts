import type { Database } from '@muse/db';
import type { RequestHandler } from 'express';
import type { Actor } from '../modules/auth/actor.ts';
import { readerOf } from '../modules/auth/tenant-read.ts';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After a caller's successful write, its reads stay on the primary for the read-your-writes
 * window. Noted as the answer leaves, before the caller can ask again.
 */
export function notingWrites(db: Pick<Database, 'noteWrite'>): RequestHandler {
  return (req, res, next) => {
    if (!READ_METHODS.has(req.method)) {
      res.once('finish', () => {
        const actor = res.locals.actor as Actor | undefined;
        const reader = actor && res.statusCode < 400 ? readerOf(actor) : undefined;
        if (reader) db.noteWrite(reader);
      });
    }
    next();
  };
}
