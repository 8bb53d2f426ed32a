import { isDeepStrictEqual } from 'node:util';
import {
  answerChange,
  type CommentVisibility,
  EDITABLE_STATUSES,
  findTransition,
  IDEA_CONTENT_FIELDS,
  IDEA_TRANSITIONS,
  type IdeaContentField,
  type IdeaStatus,
  type IdeaTransition,
  type IdeaType,
  type ReelBeat,
  type UpdateIdeaBody,
  type ValidationIssue,
  type WorkflowActor,
} from '@muse/contracts';
import { AppError } from '../../http/app-error.ts';

/** The content fields of an idea, as the contract has them. */
export interface IdeaContent {
  title: string;
  hook: string;
  caption: string;
  hashtags: string[];
  callToAction: string;
  visualDirection: string | null;
  durationSec: number | null;
  beats: ReelBeat[] | null;
  audioSuggestion: string | null;
}

/** What the rules look at: the idea as it is now. */
export interface IdeaState extends IdeaContent {
  type: IdeaType;
  status: IdeaStatus;
  version: number;
  scheduledFor: string | null;
}

export type ChangedField = IdeaContentField | 'scheduledFor';

/** What one PATCH does to an idea, once the rules allow it. */
export interface IdeaChange {
  /** The content fields that change, with their new values. */
  content: Partial<IdeaContent>;
  changedFields: ChangedField[];
  /** Set when the scheduled date changes. */
  scheduledFor?: string | null;
  move?: IdeaTransition;
  comment?: { body: string; visibility: CommentVisibility };
}

const SIDE: Record<WorkflowActor, string> = { agency: 'the agency', client: 'the client' };

/** The idea is no longer at the version the caller loaded (at `currentVersion`, when known). */
export const versionConflict = (currentVersion?: number) =>
  new AppError('version_conflict', 'The idea changed since you loaded it: reload it and try again', {
    ...(currentVersion === undefined ? {} : { details: [{ currentVersion }] }),
  });

/** What a move depends on besides the statuses. */
export interface MoveContext {
  /** The caller gave the idea's current answer and the agency has not acted since (`mayChangeAnswer`). */
  mayChangeAnswer?: boolean;
}

/**
 * Whether `by` may move an idea from `from` to `to` (the review workflow: `IDEA_TRANSITIONS` in
 * the contracts, and the client changing its own answer while it may): a move the workflow lacks
 * is 409 invalid_transition, a move of the other side 403, a change request without a comment 400.
 */
export function checkMove(
  from: IdeaStatus,
  to: IdeaStatus,
  by: WorkflowActor,
  comment?: string,
  context: MoveContext = {},
): IdeaTransition {
  const changed = by === 'client' ? answerChange(from, to) : undefined;
  if (changed && !context.mayChangeAnswer) {
    throw new AppError(
      'invalid_transition',
      'This answer can no longer be changed: the agency has acted on the idea since, or someone else gave it',
      { details: [{ from, to, allowed: [], reason: 'answer_locked' }] },
    );
  }
  const move = findTransition(from, to) ?? changed;
  if (!move) {
    const allowed = IDEA_TRANSITIONS.filter((t) => t.from === from && t.by === by).map((t) => t.to);
    throw new AppError('invalid_transition', `An idea cannot move from ${from} to ${to}`, {
      details: [{ from, to, allowed }],
    });
  }
  if (move.by !== by) {
    throw new AppError('forbidden', `Only ${SIDE[move.by]} moves an idea from ${from} to ${to}`);
  }
  if (move.commentRequired && !comment) {
    throw new AppError('invalid_input', `Moving an idea to ${to} needs a comment saying why`, {
      details: [{ location: 'body', path: ['comment'], code: 'required', message: 'say what should change' }],
    });
  }
  return move;
}

/** A comment that comes with a change: the client's are the client's; the agency's reach the client only with the idea. */
export function commentVisibility(by: WorkflowActor, move: IdeaTransition | undefined): CommentVisibility {
  return by === 'client' || move?.to === 'PENDING_CLIENT' ? 'CLIENT' : 'INTERNAL';
}

/** Issues of the content-to-be that concern the fields being changed. */
function formatIssues(
  type: IdeaType,
  next: IdeaContent,
  changed: readonly ChangedField[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (path: (string | number)[], message: string) =>
    issues.push({ location: 'body', path, code: 'custom', message });
  if (type === 'POST') {
    for (const field of ['durationSec', 'beats', 'audioSuggestion'] as const) {
      if (changed.includes(field) && next[field] !== null) issue([field], 'a post has no reel script');
    }
  } else if (changed.includes('visualDirection') && next.visualDirection !== null) {
    issue(['visualDirection'], 'a reel is directed by its beats');
  }
  if (next.beats && (changed.includes('beats') || changed.includes('durationSec'))) {
    next.beats.forEach((beat, index) => {
      const previous = next.beats?.[index - 1];
      if (previous && beat.startSec <= previous.startSec) {
        issue(['beats', index, 'startSec'], 'beats start one after another');
      }
      if (next.durationSec !== null && beat.startSec >= next.durationSec) {
        issue(['beats', index, 'startSec'], `the reel lasts ${next.durationSec} s`);
      }
    });
  }
  return issues;
}

/**
 * What a PATCH body does to an idea: content edits (agency only, only in GENERATED and
 * CHANGES_REQUESTED; fields sent unchanged are no edit), the scheduled date (agency only), and a
 * move of the review workflow — all at the version the caller loaded.
 */
export function planIdeaUpdate(
  idea: IdeaState,
  body: UpdateIdeaBody,
  by: WorkflowActor,
  context: MoveContext = {},
): IdeaChange {
  const sentContent = IDEA_CONTENT_FIELDS.filter((field) => body[field] !== undefined);
  if (by === 'client' && (sentContent.length > 0 || body.scheduledFor !== undefined)) {
    throw new AppError('forbidden', 'Only the agency edits an idea; answer with a status and a comment');
  }
  if (body.version !== idea.version) throw versionConflict(idea.version);

  const move =
    body.status === undefined ? undefined : checkMove(idea.status, body.status, by, body.comment, context);

  const content: Partial<IdeaContent> = {};
  const changedFields: ChangedField[] = [];
  for (const field of sentContent) {
    if (!isDeepStrictEqual(body[field], idea[field])) {
      Object.assign(content, { [field]: body[field] });
      changedFields.push(field);
    }
  }
  if (changedFields.length > 0 && !EDITABLE_STATUSES.includes(idea.status)) {
    throw new AppError(
      'conflict',
      `An idea’s content changes only while it is ${EDITABLE_STATUSES.join(' or ')}; this one is ${idea.status}`,
      { details: [{ reason: 'not_editable', status: idea.status }] },
    );
  }
  const issues = formatIssues(idea.type, { ...idea, ...content }, changedFields);
  if (issues.length > 0)
    throw new AppError('invalid_input', 'The idea’s content is not valid', { details: issues });

  const change: IdeaChange = { content, changedFields };
  if (body.scheduledFor !== undefined && body.scheduledFor !== idea.scheduledFor) {
    change.scheduledFor = body.scheduledFor;
    changedFields.push('scheduledFor');
  }
  if (move) change.move = move;
  if (body.comment) change.comment = { body: body.comment, visibility: commentVisibility(by, move) };
  return change;
}
