import { notificationsRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import type { TokenSigner } from '../../shared/signed-token.ts';
import { createNotificationsService } from './notifications.service.ts';

export function createNotificationsRoutes(deps: {
  db: Database;
  signer: TokenSigner;
  webOrigin: string;
  digestHour: number;
}) {
  const notifications = createNotificationsService(deps);
  return [
    implementRoute(notificationsRoutes.list, {
      access: 'notifications.read',
      handle: ({ query }, actor) => notifications.list(actor, query),
    }),
    implementRoute(notificationsRoutes.markRead, {
      access: 'notifications.update',
      handle: ({ body }, actor) => notifications.markRead(actor, body),
    }),
    implementRoute(notificationsRoutes.preferences, {
      access: 'notifications.read',
      handle: (_request, actor) => notifications.preferences(actor),
    }),
    implementRoute(notificationsRoutes.updatePreferences, {
      access: 'notifications.update',
      handle: ({ body }, actor) => notifications.updatePreferences(actor, body),
    }),
    implementRoute(notificationsRoutes.unsubscribe, {
      access: 'signed-link',
      handle: ({ body }) => notifications.unsubscribe(body.token),
    }),
  ];
}
