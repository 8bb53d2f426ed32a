import { answerChange, CLIENT_ANSWER_STATUSES, ClientAnswer, type IdeaStatus } from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import type { Actor } from '../auth/actor.ts';
import { usersRepository } from '../users/users.repository.ts';
import { ideasRepository } from './ideas.repository.ts';

type Move = Awaited<ReturnType<typeof ideasRepository.listAnswers>>[number];

const isAnswer = (move: Move) => CLIENT_ANSWER_STATUSES.includes(move.data.to);

/** Whether `actor` gave this answer: the same client contact, or the holder of the same review link. */
function gave(actor: Actor, move: Move): boolean {
  if (actor.kind === 'user') return move.actorId === actor.userId;
  if (actor.kind === 'review-link') return move.reviewLink?.id === actor.linkId;
  return false;
}

/**
 * Whether `actor` may change the idea's current answer: the idea's latest move is an answer the
 * actor gave, and the idea is still in that status at the version that answer left it at — the
 * agency has neither moved it, nor edited it, nor changed its date since. A comment is no act on
 * the idea: the agency replying does not lock the answer.
 */
export function mayChangeAnswer(
  actor: Actor,
  idea: { status: IdeaStatus; version: number },
  moves: readonly Move[],
): boolean {
  const latest = moves.at(-1);
  return (
    latest !== undefined &&
    isAnswer(latest) &&
    latest.data.to === idea.status &&
    latest.data.version === idea.version &&
    gave(actor, latest)
  );
}

/** Whether a client's move of the idea to `to` changes an answer, and so needs `mayChangeAnswer`. */
export const changesAnswer = (from: IdeaStatus, to: IdeaStatus | undefined) =>
  to !== undefined && answerChange(from, to) !== undefined;

/**
 * The client's answers to an idea, oldest first, as the client may read them: the answer, its
 * reason (a client-visible comment) and who gave it; nothing else the audit log holds.
 */
export async function answersOf(
  tx: TenantTx,
  actor: Actor,
  idea: { id: string; status: IdeaStatus; version: number },
) {
  const moves = await ideasRepository.listAnswers(tx, idea.id);
  const answers = moves.filter(isAnswer);
  const comments = await ideasRepository.clientCommentBodies(
    tx,
    answers.flatMap((move) => (move.data.commentId ? [move.data.commentId] : [])),
  );
  const users = await usersRepository.refs(
    tx,
    answers.map((move) => move.actorId),
  );
  return {
    items: answers.map((move) => ({
      id: move.id,
      answer: ClientAnswer.parse(move.data.to),
      from: move.data.from,
      version: move.data.version,
      round: move.data.round,
      comment: (move.data.commentId && comments.get(move.data.commentId)) || null,
      by: (move.actorId && users.get(move.actorId)) || null,
      reviewLink: move.reviewLink,
      createdAt: move.createdAt,
    })),
    changeable: mayChangeAnswer(actor, idea, moves),
  };
}
