import { createHash } from 'node:crypto';
import {
  FeedbackProposalBatch,
  type FeedbackProposalDraft,
  type FeedbackRequest,
  FeedbackResponse,
} from '@muse/contracts';
import type { Logger } from '@muse/logger';
import type { AiServiceConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { LlmClient, OutputSchema } from '../llm/llm-client.ts';
import { toStrictJsonSchema } from '../llm/strict-json-schema.ts';
import { UsageMeter } from '../llm/usage-meter.ts';
import type { PromptLibrary } from '../prompts/prompt-library.ts';
import { buildFeedbackContext } from './feedback-context.ts';

/** The role of the call; what to do is the versioned template's to say. */
const SYSTEM =
  'You are a brand strategist at a social media agency. You answer with brand profile suggestions in the JSON schema given, and nothing else.';

/** Output cap of the one call: ten suggestions with their refs and a sentence each, with room. */
const MAX_COMPLETION_TOKENS = 4_000;

const OUTPUT: OutputSchema<FeedbackProposalBatch> = {
  name: 'brand_feedback',
  jsonSchema: toStrictJsonSchema(FeedbackProposalBatch),
  parse: (value) => FeedbackProposalBatch.parse(value),
};

export interface FeedbackReaderDeps {
  prompts: PromptLibrary;
  llm: LlmClient;
  logger: Logger;
  config: AiServiceConfig;
}

/** Asks the model once what a client's review history says about its brand; keeps the suggestions that cite real evidence. */
export class FeedbackReader {
  private readonly deps: FeedbackReaderDeps;

  constructor(deps: FeedbackReaderDeps) {
    this.deps = deps;
  }

  async read(request: FeedbackRequest, callerSignal: AbortSignal): Promise<FeedbackResponse> {
    const started = performance.now();
    const { prompts, llm, config, logger } = this.deps;
    const version = prompts.versionOf('feedback', request.templateVersion);
    const meter = new UsageMeter(request.tokenBudget);
    const result = await llm
      .complete({
        purpose: 'feedback',
        system: SYSTEM,
        user: prompts.render('feedback', version, buildFeedbackContext(request)),
        schema: OUTPUT,
        maxCompletionTokens: MAX_COMPLETION_TOKENS,
        meter,
        signal: AbortSignal.any([AbortSignal.timeout(config.llm.totalBudgetMs), callerSignal]),
        deadline: started + config.llm.totalBudgetMs,
        safetyIdentifier: createHash('sha256').update(request.tenantId).digest('hex').slice(0, 32),
      })
      .catch((error: unknown) => {
        const failure =
          error instanceof AppError
            ? error
            : new AppError('internal', 'Reading the feedback failed.', { cause: error });
        throw failure.withDetails([
          ...(failure.details ?? []),
          { usage: meter.usage, llmCalls: meter.calls },
        ]);
      });
    const proposals = citingEvidence(result.value.proposals, request);
    const response = FeedbackResponse.parse({
      proposals,
      usage: meter.usage,
      model: result.model,
      offline: config.llm.offline || result.model.startsWith('offline-'),
      templateVersion: `feedback/${version}`,
      llmCalls: meter.calls,
      latencyMs: Math.round(performance.now() - started),
    });
    logger.info(
      { proposals: proposals.length, answered: result.value.proposals.length, usage: response.usage },
      'feedback read',
    );
    return response;
  }
}

/** Suggestions citing at least one ref of the request and none it does not have. */
function citingEvidence(drafts: FeedbackProposalDraft[], request: FeedbackRequest): FeedbackProposalDraft[] {
  const ideas = new Set(request.ideas.map((idea) => idea.ref));
  const comments = new Set(request.comments.map((comment) => comment.ref));
  return drafts.filter(
    (draft) =>
      draft.ideaRefs.length + draft.commentRefs.length > 0 &&
      draft.ideaRefs.every((ref) => ideas.has(ref)) &&
      draft.commentRefs.every((ref) => comments.has(ref)),
  );
}
