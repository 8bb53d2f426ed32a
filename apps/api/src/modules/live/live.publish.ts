import { type GenerationStatus, type IdeaStatus, LiveEvent } from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { liveRepository, type NewLiveEvent } from './live.repository.ts';

/**
 * Tells the live streams of a change, in the change's transaction: the events reach the streams
 * when it commits, and not at all if it rolls back. Each event is checked against the contract.
 */
export async function publishLive(tx: TenantTx, tenantId: string, events: readonly NewLiveEvent[]) {
  for (const { event } of events) LiveEvent.parse(event);
  await liveRepository.insertAndAnnounce(tx, tenantId, events);
}

/** The events of each kind, with whom they are for. */
export const liveEvent = {
  /** `clientVisible`: the change is one the client sees (ideas.client-view.ts says which). */
  ideaChanged(
    idea: { id: string; campaignId: string; status: IdeaStatus; version: number },
    clientVisible: boolean,
  ): NewLiveEvent {
    return {
      event: {
        type: 'idea.changed',
        data: { ideaId: idea.id, campaignId: idea.campaignId, status: idea.status, version: idea.version },
      },
      campaignId: idea.campaignId,
      userId: null,
      clientVisible,
    };
  },

  /** `clientVisible`: a client may read the comment (comments.writer.ts says which). */
  commentAdded(
    comment: { id: string; ideaId: string; campaignId: string },
    clientVisible: boolean,
  ): NewLiveEvent {
    return {
      event: {
        type: 'comment.added',
        data: { ideaId: comment.ideaId, campaignId: comment.campaignId, commentId: comment.id },
      },
      campaignId: comment.campaignId,
      userId: null,
      clientVisible,
    };
  },

  /** Generations are the agency's: never the client's. */
  generationProgress(
    run: { id: string; campaignId: string },
    status: GenerationStatus,
    produced: number,
  ): NewLiveEvent {
    return {
      event: {
        type: 'generation.progress',
        data: { generationId: run.id, campaignId: run.campaignId, status, produced },
      },
      campaignId: run.campaignId,
      userId: null,
      clientVisible: false,
    };
  },

  /** For its recipient only. */
  notificationCreated(notification: { id: string; userId: string; campaignId: string | null }): NewLiveEvent {
    return {
      event: { type: 'notification.created', data: { notificationId: notification.id } },
      campaignId: notification.campaignId,
      userId: notification.userId,
      clientVisible: false,
    };
  },
};
