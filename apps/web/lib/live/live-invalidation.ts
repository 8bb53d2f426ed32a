import type { QueryKey } from '@tanstack/react-query';
import { campaignIdeasKeys, keys } from '@/lib/queries/keys';
import type { LiveChange } from './live-connection';

/**
 * The queries an event makes stale. Events carry ids, never content: the page refetches through
 * the normal routes, which answer with what this reader may see.
 */
export function staleQueriesOf(event: LiveChange): QueryKey[] {
  switch (event.type) {
    case 'idea.changed':
      return [
        ...campaignIdeasKeys(event.data.campaignId),
        keys.idea(event.data.ideaId),
        keys.revisions(event.data.ideaId),
      ];
    case 'comment.added':
      return [keys.comments(event.data.ideaId), keys.allActivity];
    case 'generation.progress': {
      const ended = event.data.status === 'SUCCEEDED' || event.data.status === 'FAILED';
      return [
        keys.generation(event.data.generationId),
        ...(ended ? [...campaignIdeasKeys(event.data.campaignId), keys.usage] : []),
      ];
    }
    case 'notification.created':
      return [keys.notifications];
  }
}
