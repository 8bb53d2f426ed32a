import { randomUUID } from 'node:crypto';
import {
  type GeneratedIdea,
  type GenerateIdeasResponse,
  type GenerationErrorCode,
  ideaSnapshot,
} from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { audit } from '../activity/audit.ts';
import { reviseIdeaContent } from '../ideas/ideas.revisions.ts';
import { generationsRepository, type Outcome } from './generations.repository.ts';
import { failureMessage } from './generations.rules.ts';

/** The run an attempt holds, as the worker claimed it. */
export interface ClaimedRun {
  id: string;
  tenantId: string;
  campaignId: string;
  ideaId: string | null;
  requestedById: string | null;
  attempt: number;
}

export type Tokens = Outcome['tokens'];

/** The run's events are the requester's: the system acts for whoever asked. */
const requesterOf = (run: ClaimedRun) => ({ userId: run.requestedById });

/** How an attempt's transaction ended: its result written, or a newer attempt owns the run. */
export type WriteResult = 'written' | 'superseded';

/** Regeneration only: the idea left the editable statuses while the run was under way. */
export class IdeaNotEditableError extends Error {
  override name = 'IdeaNotEditableError';
}

/** The content columns of an idea, as the AI service wrote them. */
function ideaContent(idea: GeneratedIdea) {
  const common = {
    title: idea.title,
    hook: idea.hook,
    caption: idea.caption,
    hashtags: idea.hashtags,
    callToAction: idea.callToAction,
    templateVersion: idea.templateVersion,
  };
  return idea.type === 'POST'
    ? {
        ...common,
        visualDirection: idea.visualDirection,
        durationSec: null,
        beats: null,
        audioSuggestion: null,
      }
    : {
        ...common,
        visualDirection: null,
        durationSec: idea.durationSec,
        beats: idea.beats,
        audioSuggestion: idea.audioSuggestion,
      };
}

/** The content as columns: a JSON column is left out rather than set to null (Prisma's DbNull). */
function contentColumns(idea: GeneratedIdea) {
  const { beats, ...content } = ideaContent(idea);
  return beats ? { ...content, beats } : content;
}

function succeeded(response: GenerateIdeasResponse, produced: number, tokens: Tokens): Outcome {
  return {
    status: 'SUCCEEDED',
    producedCount: produced,
    model: response.model,
    offline: response.offline,
    templateVersions: response.templateVersions,
    warnings: response.warnings,
    latencyMs: response.latencyMs,
    tokens,
  };
}

async function supersede(tx: TenantTx, run: ClaimedRun, tokens: Tokens): Promise<WriteResult> {
  await generationsRepository.addTokens(tx, run.id, tokens);
  return 'superseded';
}

/**
 * Writes every idea of a campaign run with its first revision and activity, and marks the run
 * SUCCEEDED — all in the caller's transaction, and only while this attempt still holds the run.
 */
export async function writeGeneratedIdeas(
  tx: TenantTx,
  run: ClaimedRun,
  response: GenerateIdeasResponse,
  tokens: Tokens,
): Promise<WriteResult> {
  if (
    !(await generationsRepository.finish(
      tx,
      run.id,
      run.attempt,
      succeeded(response, response.ideas.length, tokens),
    ))
  ) {
    return supersede(tx, run, tokens);
  }
  // One millisecond apart, so lists ordered by creation keep the order the AI service chose.
  const base = Date.now();
  const ideas = response.ideas.map((idea, index) => ({
    id: randomUUID(),
    createdAt: new Date(base + index),
    templateVersion: idea.templateVersion,
    row: {
      tenantId: run.tenantId,
      campaignId: run.campaignId,
      generationId: run.id,
      type: idea.type,
      platform: idea.platform,
      status: 'GENERATED' as const,
      offlineModel: response.offline,
      ...contentColumns(idea),
    },
    snapshot: ideaSnapshot(ideaContent(idea)),
  }));
  await generationsRepository.createIdeas(
    tx,
    ideas.map((idea) => ({ ...idea.row, id: idea.id, createdAt: idea.createdAt })),
    ideas.map((idea) => ({
      tenantId: run.tenantId,
      ideaId: idea.id,
      version: 1,
      snapshot: idea.snapshot,
      createdAt: idea.createdAt,
    })),
  );
  await audit(tx, run.tenantId, requesterOf(run), [
    ...ideas.map((idea) => ({
      entityId: idea.id,
      action: 'idea.generated' as const,
      data: { generationId: run.id, templateVersion: idea.templateVersion },
    })),
    {
      entityId: run.id,
      action: 'generation.succeeded',
      data: { produced: ideas.length, tokens: tokens.prompt + tokens.completion, model: response.model },
    },
  ]);
  return 'written';
}

/** A concurrent edit between reading and writing the idea is retried on top of it this many times. */
const REVISION_TRIES = 3;

/**
 * Regeneration: the idea's content becomes the AI's new take as its next version (status, round
 * and comments stay), and the run is marked SUCCEEDED. Throws IdeaNotEditableError, for the caller
 * to roll back, when the idea is no longer GENERATED or CHANGES_REQUESTED.
 */
export async function writeRevisedIdea(
  tx: TenantTx,
  run: ClaimedRun & { ideaId: string },
  response: GenerateIdeasResponse,
  tokens: Tokens,
): Promise<WriteResult> {
  const [idea] = response.ideas;
  if (!idea) throw new Error('a successful AI response carries at least one idea');
  if (!(await generationsRepository.finish(tx, run.id, run.attempt, succeeded(response, 1, tokens)))) {
    return supersede(tx, run, tokens);
  }
  const { templateVersion, ...content } = ideaContent(idea);
  for (let tries = 1; ; tries += 1) {
    const result = await reviseIdeaContent(tx, {
      tenantId: run.tenantId,
      ideaId: run.ideaId,
      actorId: run.requestedById,
      content,
      templateVersion,
      offlineModel: response.offline,
      generationId: run.id,
    });
    if ('revised' in result) break;
    if (result.refused !== 'version_conflict') {
      throw new IdeaNotEditableError(`idea ${run.ideaId} is ${result.refused.replace('_', ' ')}`);
    }
    if (tries === REVISION_TRIES) throw new Error(`idea ${run.ideaId} kept changing while it was revised`);
  }
  await audit(tx, run.tenantId, requesterOf(run), {
    entityId: run.id,
    action: 'generation.succeeded',
    data: { produced: 1, tokens: tokens.prompt + tokens.completion, model: response.model },
  });
  return 'written';
}

/** Marks the run FAILED with the code and its readable message; the tokens spent still count. */
export async function writeFailure(
  tx: TenantTx,
  run: ClaimedRun,
  code: GenerationErrorCode,
  tokens: Tokens,
  latencyMs: number | null,
): Promise<WriteResult> {
  const failed = await generationsRepository.finish(tx, run.id, run.attempt, {
    status: 'FAILED',
    errorCode: code,
    errorMessage: failureMessage(code),
    latencyMs,
    tokens,
  });
  if (!failed) return supersede(tx, run, tokens);
  await audit(tx, run.tenantId, requesterOf(run), {
    entityId: run.id,
    action: 'generation.failed',
    data: { errorCode: code, tokens: tokens.prompt + tokens.completion },
  });
  return 'written';
}
