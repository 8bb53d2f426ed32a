import { z } from 'zod';
import { IdeaStatus } from './common.ts';
import { GenerationStatus } from './generations.ts';

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
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = LiveEvent['type'];

/**
 * One event as the stream sends it: `id` is the event's place in the stream, which a
 * reconnecting page sends back as `Last-Event-ID` to receive what it missed.
 */
export type LiveEventFrame = LiveEvent & { id: string };

/** How often the stream sends a comment line so proxies keep an idle connection open. */
export const LIVE_HEARTBEAT_SECONDS = 20;
