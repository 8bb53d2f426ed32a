'use client';

import type { Idea, IdeaRevision, IdeaStatus, UpdateIdeaBody } from '@muse/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { toast } from 'sonner';
import { useApi } from '@/components/providers';
import { brandCheckHoldsOf, describeError } from '@/lib/api-client/errors';
import { IDEA_STATUS, plural } from '@/lib/labels';
import {
  brandCheckQuery,
  type Caller,
  campaignIdeasQuery,
  commentsQuery,
  ideaQuery,
  revisionsQuery,
} from './ideas';
import { campaignIdeasKeys, keys } from './keys';

export function useCampaignIdeas(campaignId: string, caller: Caller = 'member') {
  return useQuery(campaignIdeasQuery(useApi(), campaignId, caller));
}

export function useIdea(id: string | null) {
  return useQuery(ideaQuery(useApi(), id));
}

export function useBrandCheck(idea: { id: string; version: number }) {
  return useQuery(brandCheckQuery(useApi(), idea));
}

function refreshCampaign(queryClient: QueryClient, campaignId: string) {
  for (const queryKey of campaignIdeasKeys(campaignId)) void queryClient.invalidateQueries({ queryKey });
}

export interface MoveIdeas {
  ideas: Pick<Idea, 'id' | 'version'>[];
  to: IdeaStatus;
  comment?: string;
  /** With a sending to the client: by when it should answer (the campaign's date otherwise). */
  reviewBy?: string;
  /** Sends even though the brand check has open warnings (the caller showed them). */
  confirmBrandCheck?: true;
}

/**
 * Moves ideas to another status. The board shows the move at once; on any error (a stale
 * version, a move no longer allowed) it rolls back, says why, and reloads the latest state.
 */
export function useMoveIdeas(
  campaignId: string,
  { quiet = false, caller = 'member' }: { quiet?: boolean; caller?: Caller } = {},
) {
  const api = useApi();
  const queryClient = useQueryClient();
  const calls =
    caller === 'review-link' ? { update: api.review.answer, bulkStatus: api.review.bulkStatus } : api.ideas;
  return useMutation({
    mutationFn: async ({
      ideas,
      to,
      comment,
      reviewBy,
      confirmBrandCheck,
    }: MoveIdeas): Promise<Idea | null> => {
      const [only] = ideas;
      if (ideas.length === 1 && only)
        return calls.update(only.id, {
          version: only.version,
          status: to,
          comment,
          reviewBy,
          confirmBrandCheck,
        });
      await calls.bulkStatus({
        ids: ideas.map((idea) => idea.id),
        status: to,
        comment,
        reviewBy,
        confirmBrandCheck,
      });
      return null;
    },
    onMutate: async ({ ideas, to }) => {
      await queryClient.cancelQueries({ queryKey: keys.ideas(campaignId) });
      const previous = queryClient.getQueryData<Idea[]>(keys.ideas(campaignId));
      const moving = new Set(ideas.map((idea) => idea.id));
      queryClient.setQueryData<Idea[]>(keys.ideas(campaignId), (list) =>
        list?.map((idea) => (moving.has(idea.id) ? { ...idea, status: to } : idea)),
      );
      for (const { id } of ideas) {
        queryClient.setQueryData<Idea>(keys.idea(id), (idea) => (idea ? { ...idea, status: to } : idea));
      }
      return { previous };
    },
    onError: (error, { ideas }, context) => {
      if (context?.previous) queryClient.setQueryData(keys.ideas(campaignId), context.previous);
      for (const { id } of ideas) void queryClient.invalidateQueries({ queryKey: keys.idea(id) });
      // Held back by the brand check: the caller asks for a confirmation instead.
      if (brandCheckHoldsOf(error)) return;
      toast.error(ideas.length > 1 ? 'Those ideas were not moved' : 'The idea was not moved', {
        description: describeError(error),
      });
    },
    onSuccess: (moved, { ideas, to }) => {
      // A move is a new version: an open editor must start from it, or its next save is a conflict.
      if (moved) queryClient.setQueryData(keys.idea(moved.id), moved);
      else for (const { id } of ideas) void queryClient.invalidateQueries({ queryKey: keys.idea(id) });
      if (!quiet) {
        const what = ideas.length === 1 ? 'Idea' : plural(ideas.length, 'idea');
        toast.success(`${what} moved to “${IDEA_STATUS[to].label}”`);
      }
    },
    onSettled: () => refreshCampaign(queryClient, campaignId),
  });
}

/** A saved idea in the caches at once: its drawer, its card, and a history that now has one more version. */
function showSaved(queryClient: QueryClient, campaignId: string, idea: Idea) {
  queryClient.setQueryData(keys.idea(idea.id), idea);
  queryClient.setQueryData<Idea[]>(keys.ideas(campaignId), (list) =>
    list?.map((item) => (item.id === idea.id ? idea : item)),
  );
  void queryClient.invalidateQueries({ queryKey: keys.revisions(idea.id) });
}

/** Saves content edits at the version the editor started from. */
export function useUpdateIdea(campaignId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateIdeaBody }) => api.ideas.update(id, body),
    onSuccess: (idea) => {
      showSaved(queryClient, campaignId, idea);
      toast.success('Changes saved');
    },
    // A conflict is the editor's to resolve (it keeps the user's text beside the other version).
    onError: (error) => {
      toast.error('Changes not saved', { description: describeError(error) });
    },
    onSettled: () => refreshCampaign(queryClient, campaignId),
  });
}

/** The idea's revision history; null asks for nothing (a card that needs no history). */
export interface RestoreRevision {
  idea: Pick<Idea, 'id' | 'version'>;
  revision: IdeaRevision;
  /** The content fields in which that version differs from the idea now. */
  fields: Partial<UpdateIdeaBody>;
}

/** Brings an earlier version's content back as a new version; the history keeps every step. */
export function useRestoreRevision(campaignId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idea, fields }: RestoreRevision) =>
      api.ideas.update(idea.id, { ...fields, version: idea.version }),
    onSuccess: (idea, { revision }) => {
      showSaved(queryClient, campaignId, idea);
      toast.success(`Version ${revision.version} restored`, {
        description: `Its content is now version ${idea.version}.`,
      });
    },
    onError: (error) => toast.error('Not restored', { description: describeError(error) }),
    onSettled: () => refreshCampaign(queryClient, campaignId),
  });
}

export function useRevisions(ideaId: string | null, caller: Caller = 'member') {
  return useQuery(revisionsQuery(useApi(), ideaId, caller));
}

export function useComments(ideaId: string, caller: Caller = 'member') {
  return useQuery(commentsQuery(useApi(), ideaId, caller));
}

export function useAddComment(ideaId: string, caller: Caller = 'member') {
  const api = useApi();
  const queryClient = useQueryClient();
  const comment = caller === 'review-link' ? api.review.comment : api.ideas.comment;
  return useMutation({
    mutationFn: (body: { body: string; visibility?: 'INTERNAL' | 'CLIENT' }) => comment(ideaId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.comments(ideaId) }),
    onError: (error) => toast.error('Comment not posted', { description: describeError(error) }),
  });
}

/** Writes a new version of the idea; the drawer follows the run it starts. */
export function useRegenerateIdea(ideaId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (instructions: string) =>
      api.ideas.regenerate(ideaId, instructions.trim() ? { instructions: instructions.trim() } : {}),
    onError: (error) => toast.error('Regeneration not started', { description: describeError(error) }),
  });
}

/** After a regeneration has finished: the idea, its history and the board show the new version. */
export function useRefreshIdea(ideaId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: keys.idea(ideaId) });
    void queryClient.invalidateQueries({ queryKey: keys.revisions(ideaId) });
    void queryClient.invalidateQueries({ queryKey: keys.ideas(campaignId) });
  }, [queryClient, ideaId, campaignId]);
}

/** Shows `idea` wherever the idea is cached, as when the editor takes the other version. */
export function useReplaceCachedIdea() {
  const queryClient = useQueryClient();
  return (idea: Idea) => queryClient.setQueryData(keys.idea(idea.id), idea);
}
