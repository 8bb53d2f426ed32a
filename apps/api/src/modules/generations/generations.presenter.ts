import type { Generation } from '@muse/contracts';
import type { GenerationRow } from './generations.repository.ts';

/** A generation row as the API answers it (the response schema checks the JSON columns' shapes). */
export function presentGeneration(row: GenerationRow, ideaIds: string[]) {
  return {
    id: row.id,
    campaignId: row.campaignId,
    ideaId: row.ideaId,
    requestedById: row.requestedById,
    status: row.status,
    requested: { posts: row.requestedPosts, reels: row.requestedReels },
    produced: row.producedCount,
    platforms: row.platforms,
    instructions: row.instructions,
    model: row.model,
    offline: row.offline,
    templateVersions: row.templateVersions as Generation['templateVersions'],
    brandVersion: row.brandProfileVersion,
    promptTokens: row.promptTokens,
    completionTokens: row.completionTokens,
    totalTokens: row.promptTokens + row.completionTokens,
    latencyMs: row.latencyMs,
    durationMs: row.finishedAt ? row.finishedAt.getTime() - row.queuedAt.getTime() : null,
    attempts: row.attempts,
    errorCode: row.errorCode as Generation['errorCode'],
    errorMessage: row.errorMessage,
    warnings: row.warnings as Generation['warnings'],
    progress:
      row.batchesDone === null || row.batchesTotal === null
        ? null
        : { batchesDone: row.batchesDone, batchesTotal: row.batchesTotal, ideasReady: row.ideasReady ?? 0 },
    ideaIds,
    queuedAt: row.queuedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

export type PresentedGeneration = ReturnType<typeof presentGeneration>;
