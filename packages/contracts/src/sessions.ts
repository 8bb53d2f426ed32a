import { z } from 'zod';
import { defineRouteContracts, Timestamp } from './routes.ts';

/** A local sign-in session: its id goes into every API token of the session as `sid`. */
export const AuthSession = z.object({ id: z.uuid(), expiresAt: Timestamp }).meta({ id: 'AuthSession' });
export type AuthSession = z.infer<typeof AuthSession>;

export const sessionsRoutes = defineRouteContracts({
  open: {
    method: 'POST',
    path: '/api/sessions',
    summary: 'Open a sign-in session for the identity of the token (local sign-in only)',
    description:
      'Called by the web app at sign-in, with a token that names no session yet. Signing out, disabling the user or suspending its agency ends the session; a token naming an ended session is 401. 404 when sign-in is not local: the identity provider keeps its own sessions.',
    tags: ['session'],
    auth: 'bearer',
    response: AuthSession,
    successStatus: 201,
  },
  endCurrent: {
    method: 'DELETE',
    path: '/api/sessions/current',
    summary: 'Sign out: end the session the token names',
    description: 'A token naming no session has none to end. 404 when sign-in is not local.',
    tags: ['session'],
    auth: 'bearer',
    successStatus: 204,
  },
});
