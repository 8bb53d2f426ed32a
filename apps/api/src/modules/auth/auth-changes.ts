import { type BaseTx, listen } from '@muse/db';
import type { Logger } from '@muse/logger';
import { z } from 'zod';

/**
 * What makes a cached sign-in answer wrong: a user's role or status changed, a tenant was
 * suspended, a session ended. Each API process caches those answers for a few seconds; an
 * announcement reaches every process on commit, so the change holds at once on all of them.
 */
export const AuthChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id: z.uuid() }),
  z.object({ kind: z.literal('tenant'), id: z.uuid() }),
  z.object({ kind: z.literal('session'), id: z.uuid() }),
]);
export type AuthChange = z.infer<typeof AuthChange>;

const AUTH_CHANGES_CHANNEL = 'auth_changes';

/** In the change's own transaction (or after it, for a change that has none): heard on commit. */
export async function announceAuthChange(
  sql: Pick<BaseTx, '$executeRaw'>,
  change: AuthChange,
): Promise<void> {
  await sql.$executeRaw`select pg_notify(${AUTH_CHANGES_CHANNEL}, ${JSON.stringify(change)})`;
}

export interface AuthChangeHandlers {
  apply(change: AuthChange): void;
  /** The listener was lost and is back: what was announced meanwhile was not heard. */
  forgetAll(): void;
}

export interface AuthChanges {
  /** Settles once the process listens. */
  ready: Promise<void>;
  /** The app's caches; one set per process. */
  subscribe(handlers: AuthChangeHandlers): void;
  close(): Promise<void>;
}

/** The process's ear for announced changes, handed to the caches the app builds. */
export function startAuthChanges(options: { databaseUrl: string; logger: Logger }): AuthChanges {
  const { logger } = options;
  const subscribers: AuthChangeHandlers[] = [];
  let listenedBefore = false;
  const listener = listen({
    url: options.databaseUrl,
    channel: AUTH_CHANGES_CHANNEL,
    onNotify: (payload) => {
      const parsed = AuthChange.safeParse(safeJson(payload));
      if (!parsed.success) {
        logger.warn({ payload }, 'ignored a malformed auth change');
        return;
      }
      for (const subscriber of subscribers) subscriber.apply(parsed.data);
    },
    onListening: () => {
      if (listenedBefore) for (const subscriber of subscribers) subscriber.forgetAll();
      listenedBefore = true;
    },
    onError: (error) => logger.warn({ err: error }, 'lost the auth-changes listener; reconnecting'),
  });
  return {
    ready: listener.ready,
    subscribe: (handlers) => {
      subscribers.push(handlers);
    },
    close: () => listener.close(),
  };
}

function safeJson(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}
