import { z } from 'zod';
import { IdeaStatus } from './common.ts';
import { GenerationStatus } from './generations.ts';
import { defineRouteContracts, Timestamp } from './routes.ts';

/**
 * What the live stream (`GET /api/events`, server-sent events) tells a page: that something it
 * may read has changed. An event carries ids, versions and counts, never content: the page
 * refetches through the normal routes, which apply the reader's own visibility rules.
 */
export const LiveEvent = z.discriminatedUnion('type', [
  /** An idea moved or its content changed (for a client: a version it was sent). */
  z.object({
    type: z.literal('idea.changed'),
    data: z.strictObject({
      ideaId: z.uuid(),
      campaignId: z.uuid(),
      status: IdeaStatus,
      version: z.int().min(1),
    }),
  }),
  /** A comment the receiver may read was added to an idea. */
  z.object({
    type: z.literal('comment.added'),
    data: z.strictObject({ ideaId: z.uuid(), campaignId: z.uuid(), commentId: z.uuid() }),
  }),
  /** A generation was claimed, wrote ideas or ended (agency users only). */
  z.object({
    type: z.literal('generation.progress'),
    data: z.strictObject({
      generationId: z.uuid(),
      campaignId: z.uuid(),
      status: GenerationStatus,
      produced: z.int().min(0),
    }),
  }),
  /** The receiver's own notification centre has a new entry. */
  z.object({
    type: z.literal('notification.created'),
    data: z.strictObject({ notificationId: z.uuid() }),
  }),
  /**
   * The stream cannot replay what the page missed (the event it resumes from is too old, or too
   * much happened since): the page refetches what it shows. Its id is where the stream goes on.
   */
  z.object({ type: z.literal('stream.reset'), data: z.strictObject({}) }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = LiveEvent['type'];

/**
 * One event as the stream sends it: `id` is the event's place in the stream, which a
 * reconnecting page sends back as `Last-Event-ID` to receive what it missed.
 */
export type LiveEventFrame = LiveEvent & { id: string };

/**
 * How often the stream sends an `event: heartbeat` frame (named, so `onmessage` ignores it): proxies
 * keep an idle connection open, and a page that hears nothing for two of them reconnects.
 */
export const LIVE_HEARTBEAT_SECONDS = 20;

/** How long a live-stream token opens streams; a stream ends when its token does, and the page asks for another. */
export const LIVE_STREAM_TOKEN_SECONDS = 600;

/** What opens the stream: `GET /api/events?token=…`, until `expiresAt`. */
export const LiveStreamToken = z.strictObject({ token: z.string(), expiresAt: Timestamp });
export type LiveStreamToken = z.infer<typeof LiveStreamToken>;

/** An event id as the stream sent it. */
const LiveEventId = z.string().regex(/^[1-9][0-9]{0,17}$/, 'an event id the stream sent');

export const LiveStreamQuery = z.strictObject({
  token: z.string().min(1).max(2048),
  /**
   * Where to resume, for a new EventSource (which sends no `Last-Event-ID` of its own on its
   * first connection); the header wins when both are present.
   */
  lastEventId: LiveEventId.optional(),
});
export type LiveStreamQuery = z.infer<typeof LiveStreamQuery>;

/** `Last-Event-ID` as a reconnecting EventSource sends it. */
export const LastEventIdHeader = LiveEventId;

export const liveRoutes = defineRouteContracts({
  token: {
    method: 'POST',
    path: '/api/events/token',
    summary: 'A token that opens the signed-in user’s live stream',
    tags: ['live'],
    auth: 'bearer',
    response: LiveStreamToken,
  },
  reviewToken: {
    method: 'POST',
    path: '/api/review/events/token',
    summary: 'A token that opens the live stream of a review link’s campaign',
    tags: ['live', 'review'],
    auth: 'review-link',
    response: LiveStreamToken,
  },
  stream: {
    method: 'GET',
    path: '/api/events',
    summary: 'The live stream: server-sent events of what changed that the token’s holder may read',
    description:
      'Each event is `id: <n>` and `data: <LiveEventFrame as JSON>`; an `event: heartbeat` frame every ' +
      `${LIVE_HEARTBEAT_SECONDS} s keeps it open. Send \`Last-Event-ID\` (or \`lastEventId\`) to ` +
      'receive what was missed since that event (a day at most, else `stream.reset`). The stream ends when its token expires.',
    tags: ['live'],
    auth: 'stream-token',
    query: LiveStreamQuery,
    contentType: 'text/event-stream',
  },
});
