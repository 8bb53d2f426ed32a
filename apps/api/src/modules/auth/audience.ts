import type { WorkflowActor } from '@muse/contracts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from './actor.ts';

/**
 * How far a caller reaches inside its tenant: agency users (and Muse's own jobs) reach all of
 * it, a client contact or the holder of a client's review link only that client's campaigns and
 * the ideas it may review. Services turn this into filters, so what a client may not see answers
 * 404, as if it did not exist. The kind is also the caller's side of the review workflow.
 */
export type Audience =
  | { kind: Extract<WorkflowActor, 'agency'> }
  | {
      kind: Extract<WorkflowActor, 'client'>;
      clientId: string;
      /** A review link reaches one campaign of the client only. */
      campaignId?: string;
    };

export function audienceOf(actor: Actor): Audience {
  switch (actor.kind) {
    case 'system':
      return { kind: 'agency' };
    case 'review-link':
      return { kind: 'client', clientId: actor.clientId, campaignId: actor.campaignId };
    case 'user':
      if (actor.role !== 'CLIENT') return { kind: 'agency' };
      // The database ties every CLIENT user to a client; this only narrows the type.
      if (!actor.clientId) throw new AppError('forbidden', 'This account belongs to no client');
      return { kind: 'client', clientId: actor.clientId };
  }
}
