import {
  AGENCY_NOTIFICATION_KINDS,
  CLIENT_NOTIFICATION_KINDS,
  DEFAULT_NOTIFICATION_DELIVERY,
  type MarkNotificationsReadBody,
  NOTIFICATION_KIND_NAMES,
  type NotificationKind,
  type NotificationsQuery,
  type UpdateNotificationPreferencesBody,
} from '@muse/contracts';
import type { Database, TenantTx } from '@muse/db';
import { AppError } from '../../http/app-error.ts';
import { decodeCursor, toPage } from '../../shared/keyset-page.ts';
import type { TokenSigner } from '../../shared/signed-token.ts';
import type { UserActor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { notificationsRepository } from './notifications.repository.ts';
import { UNSUBSCRIBE_PURPOSE, UnsubscribeTarget } from './unsubscribe-link.ts';

/** The kinds a user of this role receives, in the order its settings list them. */
const kindsFor = (actor: UserActor): readonly NotificationKind[] =>
  actor.role === 'CLIENT' ? CLIENT_NOTIFICATION_KINDS : AGENCY_NOTIFICATION_KINDS;

async function preferencesOf(tx: TenantTx, actor: UserActor, digestHour: number) {
  const chosen = (await notificationsRepository.preferences(tx, [actor.userId])).get(actor.userId);
  return {
    preferences: kindsFor(actor).map((kind) => ({
      kind,
      delivery: chosen?.get(kind) ?? DEFAULT_NOTIFICATION_DELIVERY[kind],
    })),
    timeZone: await notificationsRepository.timeZoneOf(tx, actor.userId),
    digestHour,
  };
}

const unknownTimeZone = (name: string) =>
  new AppError('invalid_input', 'That time zone is not known', {
    details: [
      {
        location: 'body',
        path: ['timeZone'],
        code: 'unknown_time_zone',
        message: `${name} is not a time zone name such as Europe/Paris`,
      },
    ],
  });

export function createNotificationsService(deps: {
  db: Database;
  signer: TokenSigner;
  webOrigin: string;
  /** The hour of the day, in the user's zone, at which daily digests go out. */
  digestHour: number;
}) {
  const { db, signer, digestHour } = deps;

  return {
    /** The user's own notifications only: the repository filters by the caller, inside its tenant. */
    async list(actor: UserActor, query: NotificationsQuery) {
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        const rows = await notificationsRepository.list(tx, actor.userId, {
          unread: query.unread,
          after,
          take: query.limit + 1,
        });
        const { items, nextCursor } = toPage(rows, query.limit);
        return {
          items,
          nextCursor,
          unread: await notificationsRepository.unreadCount(tx, actor.userId),
        };
      });
    },

    async markRead(actor: UserActor, body: MarkNotificationsReadBody) {
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        await notificationsRepository.markRead(tx, actor.userId, 'all' in body ? 'all' : body.ids);
        return { unread: await notificationsRepository.unreadCount(tx, actor.userId) };
      });
    },

    async preferences(actor: UserActor) {
      return db.withTenantTx(tenantScopeOf(actor), (tx) => preferencesOf(tx, actor, digestHour));
    },

    async updatePreferences(actor: UserActor, body: UpdateNotificationPreferencesBody) {
      const allowed = new Set(kindsFor(actor));
      const foreign = body.preferences.filter((entry) => !allowed.has(entry.kind));
      if (foreign.length > 0) {
        throw new AppError('invalid_input', 'Some kinds are not notified to your role', {
          details: foreign.map((entry) => ({
            location: 'body',
            path: ['preferences'],
            code: 'unknown_kind',
            message: `${entry.kind} is not notified to your role`,
          })),
        });
      }
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        if (body.timeZone) {
          if (!(await notificationsRepository.isKnownTimeZone(tx, body.timeZone)))
            throw unknownTimeZone(body.timeZone);
          await notificationsRepository.setTimeZone(tx, actor.userId, body.timeZone);
        }
        await notificationsRepository.setPreferences(tx, tenantId, actor.userId, body.preferences);
        return preferencesOf(tx, actor, digestHour);
      });
    },

    /**
     * What a signed unsubscribe link asks, without a session: the link is the proof. Acting twice
     * changes nothing more; a link that does not verify is refused without saying more.
     */
    async unsubscribe(token: string) {
      const target = signer.verify(UNSUBSCRIBE_PURPOSE, token, UnsubscribeTarget);
      if (!target) {
        throw new AppError('invalid_input', 'This unsubscribe link is not valid', {
          details: [
            {
              location: 'body',
              path: ['token'],
              code: 'invalid_token',
              message: 'not a valid unsubscribe link',
            },
          ],
        });
      }
      return db.withTenantTx(target.tenantId, async (tx) => {
        if ('reviewLinkId' in target) {
          await tx.reviewLink.updateMany({
            where: { id: target.reviewLinkId, emailOptOutAt: null },
            data: { emailOptOutAt: new Date() },
          });
          return { stopped: 'mail about this review', preferencesUrl: null };
        }
        const user = await tx.user.findUnique({ where: { id: target.userId }, select: { role: true } });
        if (!user) throw new AppError('not_found', 'This unsubscribe link names no one any more');
        await notificationsRepository.setPreferences(
          tx,
          target.tenantId,
          target.userId,
          target.kinds.map((kind) => ({ kind, delivery: 'OFF' as const })),
        );
        const app = user.role === 'CLIENT' ? '/portal' : '/app';
        return {
          stopped: target.kinds.map((kind) => NOTIFICATION_KIND_NAMES[kind].toLowerCase()).join(', '),
          preferencesUrl: `${deps.webOrigin}${app}/notifications`,
        };
      });
    },
  };
}
