import { meRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { createMeService } from './me.service.ts';

export function createMeRoutes(deps: { db: Database }) {
  const me = createMeService(deps);
  return [
    implementRoute(meRoutes.get, { access: 'me.read', handle: (_request, actor) => me.get(actor) }),
    implementRoute(meRoutes.workspaces, {
      access: 'identity',
      handle: (_request, identity) => me.workspaces(identity),
    }),
    implementRoute(meRoutes.acceptInvitation, {
      access: 'identity',
      handle: ({ params }, identity) => me.acceptInvitation(identity, params.id),
    }),
  ];
}
