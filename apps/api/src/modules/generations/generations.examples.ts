import { isDeepStrictEqual } from 'node:util';
import {
  type AiIdeaExample,
  type AiTurnedDown,
  type IdeaType,
  ideaSnapshot,
  MAX_EXAMPLES_PER_TYPE,
  type Platform,
} from '@muse/contracts';

/** An approved idea of the client as it reads now, with the snapshot of the first draft the AI wrote. */
export interface ApprovedIdea {
  type: IdeaType;
  platform: Platform;
  title: string;
  hook: string;
  caption: string;
  hashtags: string[];
  callToAction: string;
  visualDirection: string | null;
  durationSec: number | null;
  beats: unknown;
  audioSuggestion: string | null;
  /** Version 1's snapshot; null when the idea has no first revision. */
  firstDraft: unknown;
}

/** An idea the client turned down (rejected, or asked to change) and its last word on it, if any. */
export interface TurnedDownIdea {
  title: string;
  clientComment: string | null;
}

const REASON_CHARS = 200;

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** Approved as the AI first wrote it: the content of today is the first draft's, field for field. */
function approvedUnchanged(idea: ApprovedIdea): boolean {
  if (idea.firstDraft === null) return false;
  const now = JSON.parse(JSON.stringify(ideaSnapshot(idea)));
  return isDeepStrictEqual(now, idea.firstDraft);
}

/**
 * Up to MAX_EXAMPLES_PER_TYPE examples of each type from the approved ideas (newest first): those
 * approved unchanged first, as the surest sign of what the client wants, then the newest others.
 */
export function pickExamples(approved: readonly ApprovedIdea[]): AiIdeaExample[] {
  const examples = approved.map(
    (idea): AiIdeaExample => ({
      type: idea.type,
      platform: idea.platform,
      title: clip(idea.title, 300),
      hook: clip(idea.hook, 500),
      caption: clip(idea.caption, 5000),
      callToAction: clip(idea.callToAction, 500),
      unchanged: approvedUnchanged(idea),
    }),
  );
  const ordered = [...examples.filter((e) => e.unchanged), ...examples.filter((e) => !e.unchanged)];
  return (['POST', 'REEL'] as const).flatMap((type) =>
    ordered.filter((example) => example.type === type).slice(0, MAX_EXAMPLES_PER_TYPE),
  );
}

/** What the client turned down, short: the title and the first words of its comment. */
export function turnedDownNotes(ideas: readonly TurnedDownIdea[]): AiTurnedDown[] {
  return ideas.map((idea) => ({
    title: clip(idea.title, 300),
    reason: idea.clientComment ? clip(idea.clientComment.replace(/\s+/g, ' ').trim(), REASON_CHARS) : null,
  }));
}
