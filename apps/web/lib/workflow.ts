import { IDEA_TRANSITIONS, type IdeaStatus, type IdeaTransition, type WorkflowActor } from '@muse/contracts';

/** What a button says for each move of the review workflow. */
const ACTION_LABELS: Partial<Record<`${IdeaStatus}>${IdeaStatus}`, string>> = {
  'GENERATED>PENDING_CLIENT': 'Send to client',
  'GENERATED>AGENCY_REJECTED': 'Discard',
  'AGENCY_REJECTED>GENERATED': 'Restore',
  'PENDING_CLIENT>GENERATED': 'Withdraw',
  'CHANGES_REQUESTED>PENDING_CLIENT': 'Resubmit to client',
  'PENDING_CLIENT>CLIENT_APPROVED': 'Approve',
  'PENDING_CLIENT>CHANGES_REQUESTED': 'Request changes',
  'PENDING_CLIENT>CLIENT_REJECTED': 'Reject',
};

export function actionLabel(transition: Pick<IdeaTransition, 'from' | 'to'>): string {
  return ACTION_LABELS[`${transition.from}>${transition.to}`] ?? transition.to;
}

/** The moves this actor may make from this status; the UI offers nothing else. */
export function movesFrom(status: IdeaStatus, actor: WorkflowActor): IdeaTransition[] {
  return IDEA_TRANSITIONS.filter((transition) => transition.from === status && transition.by === actor);
}

/** True when every given status can move to `to` by this actor (for bulk actions). */
export function canAllMove(statuses: IdeaStatus[], to: IdeaStatus, actor: WorkflowActor): boolean {
  return statuses.length > 0 && statuses.every((status) => movesFrom(status, actor).some((t) => t.to === to));
}
