import { z } from 'zod';
import type { ReviewLinkActor, UserActor } from '../auth/actor.ts';
import { type Audience, audienceOf } from '../auth/audience.ts';
import { tenantScopeOf } from '../auth/permissions.ts';

/**
 * Who a stream is for, as its token carries it: the tenant, the user (null for a review link's
 * holder) and the audience the ideas and comments services answer that caller with.
 */
export const LiveReader = z.strictObject({
  tenantId: z.uuid(),
  userId: z.uuid().nullable(),
  audience: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('agency') }),
    z.strictObject({ kind: z.literal('client'), clientId: z.uuid(), campaignId: z.uuid().optional() }),
  ]) satisfies z.ZodType<Audience>,
});
export type LiveReader = z.infer<typeof LiveReader>;

export function liveReaderOf(actor: UserActor | ReviewLinkActor): LiveReader {
  return {
    tenantId: actor.kind === 'user' ? tenantScopeOf(actor) : actor.tenantId,
    userId: actor.kind === 'user' ? actor.userId : null,
    audience: audienceOf(actor),
  };
}

/** Who an event is for, as it was written: the columns of `live_events` besides its content. */
export interface LiveAddressee {
  tenantId: string;
  /** The client of the campaign the event is about, if any. */
  clientId: string | null;
  campaignId: string | null;
  /** Set: this user only. */
  userId: string | null;
  /** Whether the client's side may receive it (decided where the change is made). */
  clientVisible: boolean;
}

/**
 * The one rule of who receives what: the tenant's own events; a user's own notifications only;
 * agency users everything else of the tenant; a client's contacts what was marked client-visible
 * for their client's campaigns, a review link only for its campaign.
 */
export function receives(reader: LiveReader, event: LiveAddressee): boolean {
  if (event.tenantId !== reader.tenantId) return false;
  if (event.userId !== null) return event.userId === reader.userId;
  const { audience } = reader;
  if (audience.kind === 'agency') return true;
  return (
    event.clientVisible &&
    event.clientId === audience.clientId &&
    (audience.campaignId === undefined || event.campaignId === audience.campaignId)
  );
}
