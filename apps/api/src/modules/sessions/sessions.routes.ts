import { sessionsRoutes } from '@muse/contracts';
import { implementRoute } from '../../http/route-registry.ts';
import type { SessionsService } from './sessions.service.ts';

/** A session belongs to an identity, not to a workspace: `identity` access. */
export function createSessionsRoutes(sessions: SessionsService) {
  return [
    implementRoute(sessionsRoutes.open, {
      access: 'identity',
      handle: (_request, identity) => sessions.open(identity),
    }),
    implementRoute(sessionsRoutes.endCurrent, {
      access: 'identity',
      handle: (_request, identity) => sessions.endCurrent(identity),
    }),
  ];
}
