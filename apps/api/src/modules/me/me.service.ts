import type { Me } from '@muse/contracts';
import { authorize } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';

export function createMeService() {
  return {
    /** All of it is the authenticated principal: no further database work. */
    get(actor: Principal): Me {
      authorize(actor, 'me.read');
      return {
        user: {
          id: actor.userId,
          email: actor.email,
          name: actor.name,
          role: actor.role,
          status: actor.status,
        },
        tenant: actor.tenant,
        client: actor.client,
      };
    },
  };
}

export type MeService = ReturnType<typeof createMeService>;
