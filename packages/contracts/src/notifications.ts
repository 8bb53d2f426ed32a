import { z } from 'zod';
import { IdeaType, Platform } from './common.ts';
import { PageQuery } from './pagination.ts';
import { defineRouteContracts, Timestamp } from './routes.ts';

export const NotificationKind = z.enum([
  'IDEAS_SENT',
  'CLIENT_ANSWERED',
  'COMMENT',
  'GENERATION_FINISHED',
  'REMINDER',
  'REVIEW_OVERDUE',
  'BRAND_SUGGESTIONS',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** How mail about a kind of notification reaches the user; the notification centre shows every kind. */
export const NotificationDelivery = z.enum(['INSTANT', 'DIGEST', 'OFF']);
export type NotificationDelivery = z.infer<typeof NotificationDelivery>;

/** The kinds each side of the review receives. */
export const AGENCY_NOTIFICATION_KINDS = [
  'CLIENT_ANSWERED',
  'COMMENT',
  'GENERATION_FINISHED',
  'REVIEW_OVERDUE',
  'BRAND_SUGGESTIONS',
] as const satisfies readonly NotificationKind[];
export const CLIENT_NOTIFICATION_KINDS = [
  'IDEAS_SENT',
  'COMMENT',
  'REMINDER',
] as const satisfies readonly NotificationKind[];

/**
 * Mail for a kind the user has not chosen for: at once, except finished generations, which the
 * person who started one usually watches finish (the notification centre still shows them), and
 * brand suggestions, which wait for the day's digest.
 */
export const DEFAULT_NOTIFICATION_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  IDEAS_SENT: 'INSTANT',
  CLIENT_ANSWERED: 'INSTANT',
  COMMENT: 'INSTANT',
  GENERATION_FINISHED: 'OFF',
  REMINDER: 'INSTANT',
  REVIEW_OVERDUE: 'INSTANT',
  BRAND_SUGGESTIONS: 'DIGEST',
};

export const NOTIFICATION_KIND_NAMES: Record<NotificationKind, string> = {
  IDEAS_SENT: 'Ideas sent for review',
  CLIENT_ANSWERED: 'Client answers',
  COMMENT: 'Comments for you',
  GENERATION_FINISHED: 'Generations finished',
  REMINDER: 'Review reminders',
  REVIEW_OVERDUE: 'Overdue reviews',
  BRAND_SUGGESTIONS: 'Brand suggestions',
};

export const ClientAnswer = z.enum(['CLIENT_APPROVED', 'CHANGES_REQUESTED', 'CLIENT_REJECTED']);
export type ClientAnswer = z.infer<typeof ClientAnswer>;

const campaign = { campaignName: z.string() };

/** How many of a sending's ideas its notification lists by name. */
export const SENT_IDEAS_LISTED = 20;

/** What each kind of notification shows, by `kind`. */
export const NotificationContent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('IDEAS_SENT'),
    data: z.strictObject({
      ...campaign,
      count: z.int().min(1),
      sentBy: z.string(),
      /** The ideas sent, for the message to list (the first ones of a large sending). */
      ideas: z
        .array(z.strictObject({ id: z.uuid(), title: z.string(), type: IdeaType, platform: Platform }))
        .max(SENT_IDEAS_LISTED),
    }),
  }),
  z.object({
    kind: z.literal('CLIENT_ANSWERED'),
    data: z.strictObject({
      ...campaign,
      clientName: z.string(),
      ideaTitle: z.string(),
      answer: ClientAnswer,
      /** Set when the client changed this earlier answer to `answer`. */
      changedFrom: ClientAnswer.optional(),
      /** Who answered: a client contact's name, or "Name (review link)". */
      by: z.string(),
      comment: z.string().nullable(),
    }),
  }),
  z.object({
    kind: z.literal('COMMENT'),
    data: z.strictObject({ ...campaign, ideaTitle: z.string(), by: z.string(), excerpt: z.string() }),
  }),
  z.object({
    kind: z.literal('GENERATION_FINISHED'),
    data: z.strictObject({ ...campaign, succeeded: z.boolean(), produced: z.int().min(0) }),
  }),
  z.object({
    kind: z.literal('REMINDER'),
    data: z.strictObject({
      ...campaign,
      pending: z.int().min(1),
      /** The round's review-by date, if it has one. */
      reviewBy: z.iso.date().nullable(),
    }),
  }),
  z.object({
    kind: z.literal('REVIEW_OVERDUE'),
    data: z.strictObject({
      ...campaign,
      clientName: z.string(),
      reviewBy: z.iso.date(),
      pending: z.int().min(1),
    }),
  }),
  z.object({
    kind: z.literal('BRAND_SUGGESTIONS'),
    data: z.strictObject({ clientId: z.uuid(), clientName: z.string(), count: z.int().min(1) }),
  }),
]);
export type NotificationContent = z.infer<typeof NotificationContent>;
/** The data a kind of notification records. */
export type NotificationData<K extends NotificationKind> = Extract<NotificationContent, { kind: K }>['data'];

const quoted = (value: string) => `“${value}”`;
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const ANSWERS: Record<ClientAnswer, string> = {
  CLIENT_APPROVED: 'approved',
  CHANGES_REQUESTED: 'asked for changes to',
  CLIENT_REJECTED: 'rejected',
};

/** A changed answer, told as what it is now. */
const CHANGED_ANSWERS: Record<ClientAnswer, string> = {
  CLIENT_APPROVED: 'now approves',
  CHANGES_REQUESTED: 'now asks for changes to',
  CLIENT_REJECTED: 'now rejects',
};

/** The sentence a notification is told in (in the centre and in mail), and the line under it. */
export function describeNotification({ kind, data }: NotificationContent): { title: string; detail: string } {
  switch (kind) {
    case 'IDEAS_SENT':
      return {
        title: `${data.sentBy} sent ${plural(data.count, 'idea')} for your review`,
        detail: data.campaignName,
      };
    case 'CLIENT_ANSWERED':
      return {
        title: data.changedFrom
          ? `${data.by} changed their answer: ${CHANGED_ANSWERS[data.answer]} ${quoted(data.ideaTitle)}`
          : `${data.by} ${ANSWERS[data.answer]} ${quoted(data.ideaTitle)}`,
        detail: data.comment ? `${quoted(data.comment)} · ${data.campaignName}` : data.campaignName,
      };
    case 'COMMENT':
      return { title: `${data.by} commented on ${quoted(data.ideaTitle)}`, detail: quoted(data.excerpt) };
    case 'GENERATION_FINISHED':
      return data.succeeded
        ? {
            title: `${plural(data.produced, 'new idea')} for ${data.campaignName}`,
            detail: 'The generation you started finished.',
          }
        : {
            title: `Ideas for ${data.campaignName} could not be generated`,
            detail: 'The generation you started failed.',
          };
    case 'REMINDER':
      return {
        title: `${plural(data.pending, 'idea')} still ${data.pending === 1 ? 'waits' : 'wait'} for your review`,
        detail: data.reviewBy
          ? `${data.campaignName} · please answer by ${data.reviewBy}`
          : data.campaignName,
      };
    case 'REVIEW_OVERDUE':
      return {
        title: `${data.clientName} has not answered by ${data.reviewBy}`,
        detail: `${plural(data.pending, 'idea')} of ${data.campaignName} still ${data.pending === 1 ? 'waits' : 'wait'}.`,
      };
    case 'BRAND_SUGGESTIONS':
      return {
        title: `${data.clientName} has ${plural(data.count, 'new brand suggestion')}`,
        detail: 'Learned from the latest review: accept or dismiss them on the brand page.',
      };
  }
}

export const Notification = z
  .intersection(
    z.object({
      id: z.uuid(),
      campaignId: z.uuid().nullable(),
      ideaId: z.uuid().nullable(),
      readAt: Timestamp.nullable(),
      createdAt: Timestamp,
    }),
    NotificationContent,
  )
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = z.strictObject({
  ...PageQuery.shape,
  /** Only the ones not read yet. */
  unread: z.stringbool().optional(),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;

/** Newest first, with how many are unread in all (for the bell). */
export const NotificationsPage = z
  .object({ items: z.array(Notification), nextCursor: z.string().nullable(), unread: z.int().min(0) })
  .meta({ id: 'NotificationsPage' });
export type NotificationsPage = z.infer<typeof NotificationsPage>;

export const MarkNotificationsReadBody = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkNotificationsReadBody = z.infer<typeof MarkNotificationsReadBody>;

export const UnreadCount = z.object({ unread: z.int().min(0) }).meta({ id: 'UnreadCount' });

export const NotificationPreference = z.object({ kind: NotificationKind, delivery: NotificationDelivery });
export type NotificationPreference = z.infer<typeof NotificationPreference>;

/** An IANA time zone name such as `Europe/Paris`. */
const TimeZone = z.string().min(1).max(64);

/** One entry per kind the user receives, in a stable order, and when its daily digest comes. */
export const NotificationPreferences = z
  .object({
    preferences: z.array(NotificationPreference),
    /** The zone the digest hour is read in; null until the user saved its settings (then UTC). */
    timeZone: TimeZone.nullable(),
    /** The hour of the day (0–23) at which the daily digest arrives. */
    digestHour: z.int().min(0).max(23),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdateNotificationPreferencesBody = z.strictObject({
  preferences: z
    .array(NotificationPreference)
    .min(1)
    .max(NotificationKind.options.length)
    .refine((list) => new Set(list.map((entry) => entry.kind)).size === list.length, {
      message: 'name each kind once',
    }),
  /** Where the user is (the browser's zone), for the hour its digest arrives. */
  timeZone: TimeZone.optional(),
});
export type UpdateNotificationPreferencesBody = z.infer<typeof UpdateNotificationPreferencesBody>;

export const UnsubscribeBody = z.strictObject({ token: z.string().min(1).max(2_000) });
export type UnsubscribeBody = z.infer<typeof UnsubscribeBody>;

/** What an unsubscribe stopped: mail of one kind, or all mail about one review link. */
export const Unsubscribed = z
  .object({ stopped: z.string(), preferencesUrl: z.string().nullable() })
  .meta({ id: 'Unsubscribed' });
export type Unsubscribed = z.infer<typeof Unsubscribed>;

export const notificationsRoutes = defineRouteContracts({
  list: {
    method: 'GET',
    path: '/api/notifications',
    summary: 'The signed-in user’s notifications, newest first',
    tags: ['notifications'],
    auth: 'bearer',
    query: NotificationsQuery,
    response: NotificationsPage,
  },
  markRead: {
    method: 'POST',
    path: '/api/notifications/read',
    summary: 'Marks notifications read: the listed ones, or all',
    tags: ['notifications'],
    auth: 'bearer',
    body: MarkNotificationsReadBody,
    response: UnreadCount,
  },
  preferences: {
    method: 'GET',
    path: '/api/notifications/preferences',
    summary: 'How the user gets mail about each kind of notification',
    tags: ['notifications'],
    auth: 'bearer',
    response: NotificationPreferences,
  },
  updatePreferences: {
    method: 'PUT',
    path: '/api/notifications/preferences',
    summary: 'Sets how the user gets mail about the listed kinds',
    tags: ['notifications'],
    auth: 'bearer',
    body: UpdateNotificationPreferencesBody,
    response: NotificationPreferences,
  },
  unsubscribe: {
    method: 'POST',
    path: '/api/unsubscribe',
    summary: 'Stops the mail a signed unsubscribe link names (RFC 8058 one-click)',
    tags: ['notifications'],
    auth: 'none',
    body: UnsubscribeBody,
    response: Unsubscribed,
  },
});
