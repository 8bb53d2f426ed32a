import type {
  ApiErrorCode,
  BulkStatusBody,
  IdeaStatus,
  IdeaTransition,
  WorkflowActor,
} from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { AppError } from '../../http/app-error.ts';
import type { Audience } from '../auth/audience.ts';
import { type AppliedChange, archivedCampaign } from './ideas.changes.ts';
import { type IdeaForChange, ideasRepository } from './ideas.repository.ts';
import { checkMove } from './ideas.rules.ts';

/** The error of a bulk move that fails: the gravest reason, with every idea that has one. */
function bulkFailure(failures: { ideaId: string; error: AppError }[], total: number, status: IdeaStatus) {
  const gravest: ApiErrorCode[] = ['forbidden', 'invalid_transition', 'conflict', 'invalid_input'];
  const code = gravest.find((candidate) => failures.some((f) => f.error.code === candidate)) ?? 'conflict';
  return new AppError(
    code,
    `${failures.length} of ${total} ideas cannot move to ${status}, so none was moved`,
    {
      details: failures.map(({ ideaId, error }) => ({ ideaId, code: error.code, message: error.message })),
    },
  );
}

/** Each listed idea the caller may see, in the order listed; 404 naming the others. */
export async function findEach(tx: TenantTx, ids: string[], audience: Audience) {
  const visible = new Map(
    (await ideasRepository.findManyForChange(tx, ids, audience)).map((idea) => [idea.id, idea]),
  );
  const missing = ids.filter((id) => !visible.has(id));
  if (missing.length > 0) {
    throw new AppError('not_found', 'Some of the ideas were not found, so none was moved', {
      details: missing.map((ideaId) => ({ ideaId, code: 'not_found' })),
    });
  }
  return ids.flatMap((id) => visible.get(id) ?? []);
}

/** The move of each idea, or the error of all of them when any may not move. */
export function planMoves(ideas: IdeaForChange[], body: BulkStatusBody, by: WorkflowActor) {
  const moves: { before: IdeaForChange; move: IdeaTransition }[] = [];
  const failures: { ideaId: string; error: AppError }[] = [];
  for (const before of ideas) {
    try {
      if (before.campaign.status === 'ARCHIVED') throw archivedCampaign();
      moves.push({ before, move: checkMove(before.status, body.status, by, body.comment) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failures.push({ ideaId: before.id, error });
    }
  }
  if (failures.length > 0) throw bulkFailure(failures, ideas.length, body.status);
  return moves;
}

/**
 * Moves the ideas at the versions read, in one statement per kind of move (starting a round or
 * not). An idea that changed meanwhile is not written, and the whole move fails with 409.
 */
export async function writeMoves(
  tx: TenantTx,
  moves: { before: IdeaForChange; move: IdeaTransition }[],
  status: IdeaStatus,
): Promise<(AppliedChange & { move: IdeaTransition })[]> {
  const applied: (AppliedChange & { move: IdeaTransition })[] = [];
  for (const startsRound of [true, false]) {
    const group = moves.filter(({ move }) => move.startsRound === startsRound);
    if (group.length === 0) continue;
    const written = new Map(
      (
        await ideasRepository.updateEachAtVersion(
          tx,
          group.map(({ before }) => ({ id: before.id, version: before.version })),
          { status, ...(startsRound ? { round: { increment: 1 } } : {}) },
        )
      ).map((row) => [row.id, row]),
    );
    for (const { before, move } of group) {
      const after = written.get(before.id);
      if (!after) {
        throw new AppError(
          'version_conflict',
          'An idea changed while it was being moved, so none was moved',
          {
            details: [{ ideaId: before.id }],
          },
        );
      }
      applied.push({ before, after, changedFields: [], move });
    }
  }
  return applied;
}
