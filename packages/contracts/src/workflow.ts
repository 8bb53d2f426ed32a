import type { IdeaStatus } from './common.ts';

/** An idea's status in words for whoever reads it, agency or client (exports, messages). */
export const IDEA_STATUS_NAMES: Record<IdeaStatus, string> = {
  GENERATED: 'Draft',
  PENDING_CLIENT: 'Awaiting client review',
  CHANGES_REQUESTED: 'Changes requested',
  CLIENT_APPROVED: 'Approved',
  CLIENT_REJECTED: 'Rejected by client',
  AGENCY_REJECTED: 'Discarded',
};

/** Who may move an idea: the agency (admins and members) or the client's contact. */
export type WorkflowActor = 'agency' | 'client';

export interface IdeaTransition {
  from: IdeaStatus;
  to: IdeaStatus;
  by: WorkflowActor;
  /** Sending to the client starts a new review round. */
  startsRound: boolean;
  commentRequired: boolean;
}

/** The idea review workflow; any move not listed here is an invalid transition. */
export const IDEA_TRANSITIONS: readonly IdeaTransition[] = [
  { from: 'GENERATED', to: 'PENDING_CLIENT', by: 'agency', startsRound: true, commentRequired: false },
  { from: 'GENERATED', to: 'AGENCY_REJECTED', by: 'agency', startsRound: false, commentRequired: false },
  { from: 'AGENCY_REJECTED', to: 'GENERATED', by: 'agency', startsRound: false, commentRequired: false },
  { from: 'PENDING_CLIENT', to: 'GENERATED', by: 'agency', startsRound: false, commentRequired: false },
  { from: 'PENDING_CLIENT', to: 'CLIENT_APPROVED', by: 'client', startsRound: false, commentRequired: false },
  {
    from: 'PENDING_CLIENT',
    to: 'CHANGES_REQUESTED',
    by: 'client',
    startsRound: false,
    commentRequired: true,
  },
  { from: 'PENDING_CLIENT', to: 'CLIENT_REJECTED', by: 'client', startsRound: false, commentRequired: false },
  {
    from: 'CHANGES_REQUESTED',
    to: 'PENDING_CLIENT',
    by: 'agency',
    startsRound: true,
    commentRequired: false,
  },
];

export function findTransition(from: IdeaStatus, to: IdeaStatus): IdeaTransition | undefined {
  return IDEA_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The statuses only the client moves an idea to: its answers. */
export const CLIENT_ANSWER_STATUSES: readonly IdeaStatus[] = IDEA_TRANSITIONS.filter(
  (t) => t.by === 'client',
).map((t) => t.to);

/**
 * A changed answer: the client moves an idea from one of its answers to another. It is not in
 * IDEA_TRANSITIONS because the status alone does not allow it: only whoever gave the answer may
 * change it, and only while the agency has not acted on the idea since (the idea is still in the
 * status and at the version that answer left it in). A reason is required as for the answer itself.
 */
export function answerChange(from: IdeaStatus, to: IdeaStatus): IdeaTransition | undefined {
  if (from === to || !CLIENT_ANSWER_STATUSES.includes(from)) return undefined;
  const answer = findTransition('PENDING_CLIENT', to);
  return answer?.by === 'client' ? { ...answer, from } : undefined;
}

/** Content may change only before the client has the idea, or when it asked for changes. */
export const EDITABLE_STATUSES: readonly IdeaStatus[] = ['GENERATED', 'CHANGES_REQUESTED'];

/** What a client contact ever sees of its ideas. */
export const CLIENT_VISIBLE_STATUSES: readonly IdeaStatus[] = [
  'PENDING_CLIENT',
  'CHANGES_REQUESTED',
  'CLIENT_APPROVED',
  'CLIENT_REJECTED',
];
