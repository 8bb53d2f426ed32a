import { createHash } from 'node:crypto';
import {
  type GeneratedIdea,
  type GenerateIdeasRequest,
  GenerateIdeasResponse,
  type GenerateProgress,
  type GenerationWarning,
  PLATFORM_LIMITS,
  PostIdeaBatch,
  PostIdeaDraft,
  ReelIdeaBatch,
  ReelIdeaDraft,
  type TemplateVersionSelection,
} from '@muse/contracts';
import type { Logger } from '@muse/logger';
import { z } from 'zod';
import type { AiServiceConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { BannedPhrases, checkIdea, TitleRegistry } from '../guardrails/guardrails.ts';
import type { LlmClient, OutputSchema } from '../llm/llm-client.ts';
import { toStrictJsonSchema } from '../llm/strict-json-schema.ts';
import { UsageMeter } from '../llm/usage-meter.ts';
import type { Metrics } from '../metrics.ts';
import { buildPromptContext, buildTaskContext, type PromptContext } from '../prompts/context-builder.ts';
import type { PromptLibrary, TemplateVersions } from '../prompts/prompt-library.ts';
import { normalizeHashtags } from './hashtags.ts';
import { type IdeaKind, inBatches, planSlots, type Slot } from './slot-plan.ts';

/** The answer is read item by item, so one bad idea costs a follow-up for one slot, not the whole batch. */
const AnswerEnvelope = z.object({ ideas: z.array(z.unknown()).max(50) });
type AnswerEnvelope = z.infer<typeof AnswerEnvelope>;

const KINDS = {
  post: { draft: PostIdeaDraft, output: outputSchema('post_ideas', PostIdeaBatch), tokensPerIdea: 1200 },
  reel: { draft: ReelIdeaDraft, output: outputSchema('reel_ideas', ReelIdeaBatch), tokensPerIdea: 2000 },
} as const;

/** A slot still to fill, with what was wrong with its last draft. */
interface OpenSlot {
  slot: Slot;
  reasons: string[];
}

interface RunState {
  versions: TemplateVersions;
  context: PromptContext;
  system: string;
  meter: UsageMeter;
  signal: AbortSignal;
  deadline: number;
  titles: TitleRegistry;
  banned: BannedPhrases;
  accepted: Map<Slot, GeneratedIdea>;
  acceptedTitles: string[];
  safetyIdentifier: string;
  /** Set once a call was refused for the token budget: the model is not asked again. */
  budgetExhausted: boolean;
}

export interface IdeaGeneratorDeps {
  prompts: PromptLibrary;
  llm: LlmClient;
  metrics: Metrics;
  logger: Logger;
  config: AiServiceConfig;
}

/** Turns a request into guardrail-clean ideas: batched LLM calls, then follow-up calls for rejected slots. */
export class IdeaGenerator {
  private readonly deps: IdeaGeneratorDeps;

  constructor(deps: IdeaGeneratorDeps) {
    this.deps = deps;
  }

  /** `onProgress` hears of every batch that finished (answered, or skipped for the token budget). */
  async generate(
    request: GenerateIdeasRequest,
    callerSignal: AbortSignal,
    onProgress?: (progress: GenerateProgress) => void,
  ): Promise<GenerateIdeasResponse> {
    const started = performance.now();
    const { prompts, config, metrics } = this.deps;
    const versions = prompts.resolve(request.templateVersions);
    const context = buildPromptContext(request);
    const firstFailure = new AbortController();
    const state: RunState = {
      versions,
      context,
      system: prompts.render('system', versions.system, context),
      meter: new UsageMeter(request.tokenBudget),
      signal: AbortSignal.any([
        AbortSignal.timeout(config.llm.totalBudgetMs),
        callerSignal,
        firstFailure.signal,
      ]),
      deadline: started + config.llm.totalBudgetMs,
      titles: new TitleRegistry(request.avoidTitles),
      banned: new BannedPhrases(request.brand.dontList),
      accepted: new Map(),
      acceptedTitles: [],
      safetyIdentifier: createHash('sha256').update(request.tenantId).digest('hex').slice(0, 32),
      budgetExhausted: false,
    };
    const slots = [
      ...planSlots('post', request.counts.posts, request.platforms),
      ...planSlots('reel', request.counts.reels, request.platforms),
    ];

    let open: OpenSlot[] = slots.map((slot) => ({ slot, reasons: [] }));
    let model: string | null = null;
    let batchesDone = 0;
    let batchesTotal = 0;
    try {
      for (
        let round = 0;
        round <= config.regenerationRounds && open.length > 0 && !state.budgetExhausted;
        round++
      ) {
        const batches = (['post', 'reel'] as const).flatMap((kind) =>
          inBatches(
            open.filter(({ slot }) => slot.kind === kind),
            config.llm.batchSize,
          ),
        );
        batchesTotal += batches.length;
        // Each batch is reviewed as soon as it is answered, so the progress it reports counts its ideas.
        const stillOpen = await Promise.all(
          batches.map((batch) =>
            this.requestBatch(state, batch)
              .then((answer) => {
                if (answer) model ??= answer.model;
                const rejected = answer ? this.review(state, batch, answer.envelope.ideas) : batch;
                batchesDone += 1;
                onProgress?.({ batchesDone, batchesTotal, ideasReady: state.accepted.size });
                return rejected;
              })
              .catch((error: unknown) => {
                // One batch failing for good fails the run: stop paying for the others.
                firstFailure.abort();
                throw error;
              }),
          ),
        );
        open = stillOpen.flat();
      }
    } catch (error) {
      const failure =
        error instanceof AppError
          ? error
          : new AppError('internal', 'The generation failed.', { cause: error });
      metrics.generations.inc({ outcome: failure.code });
      throw failure.withDetails([
        ...(failure.details ?? []),
        { usage: state.meter.usage, llmCalls: state.meter.calls },
      ]);
    }

    const warnings: GenerationWarning[] = open
      .filter(({ reasons }) => reasons.length > 0)
      .map(({ slot, reasons }) => dropWarning(slot, reasons, config.regenerationRounds + 1));
    if (state.budgetExhausted) warnings.push(budgetWarning(open.length));
    for (const { slot } of open) metrics.ideasDropped.inc({ type: slot.kind });
    const ideas = slots.flatMap((slot) => state.accepted.get(slot) ?? []);
    if (ideas.length === 0 && state.budgetExhausted) {
      metrics.generations.inc({ outcome: 'token_budget_exhausted' });
      throw new AppError(
        'token_budget_exhausted',
        "The run's token budget ran out before any idea was made.",
        {
          details: [{ usage: state.meter.usage, llmCalls: state.meter.calls }],
        },
      );
    }
    if (ideas.length === 0) {
      metrics.generations.inc({ outcome: 'llm_bad_output' });
      throw new AppError('llm_bad_output', 'None of the generated ideas passed the guardrails.', {
        details: [{ usage: state.meter.usage, llmCalls: state.meter.calls }, ...warnings],
      });
    }

    const answeredBy = model ?? config.llm.model;
    const response = GenerateIdeasResponse.parse({
      ideas,
      usage: state.meter.usage,
      model: answeredBy,
      offline: config.llm.offline || answeredBy.startsWith('offline-'),
      templateVersions: usedVersions(versions, request),
      counts: {
        requested: { posts: request.counts.posts, reels: request.counts.reels },
        produced: {
          posts: ideas.filter((idea) => idea.type === 'POST').length,
          reels: ideas.filter((idea) => idea.type === 'REEL').length,
        },
      },
      warnings,
      llmCalls: state.meter.calls,
      latencyMs: Math.round(performance.now() - started),
    });
    metrics.generations.inc({ outcome: 'succeeded' });
    this.deps.logger.info(
      {
        counts: response.counts,
        usage: response.usage,
        llmCalls: response.llmCalls,
        latencyMs: response.latencyMs,
      },
      'generation finished',
    );
    return response;
  }

  /** The batch's answer, or null when the token budget left no room to ask. */
  private async requestBatch(
    state: RunState,
    batch: OpenSlot[],
  ): Promise<{ envelope: AnswerEnvelope; model: string } | null> {
    const kind = (batch[0] as OpenSlot).slot.kind;
    const task = buildTaskContext(
      state.context,
      batch.map(({ slot }) => slot),
      {
        acceptedTitles: state.acceptedTitles,
        feedback: batch.flatMap(({ slot, reasons }) =>
          reasons.map((reason) => `Idea ${slot.number} (${PLATFORM_LIMITS[slot.platform].name}): ${reason}`),
        ),
      },
    );
    const result = await this.deps.llm
      .complete({
        purpose: kind,
        system: state.system,
        user: this.deps.prompts.render(kind, state.versions[kind], task),
        schema: KINDS[kind].output,
        maxCompletionTokens: KINDS[kind].tokensPerIdea * batch.length + 200,
        meter: state.meter,
        signal: state.signal,
        deadline: state.deadline,
        safetyIdentifier: state.safetyIdentifier,
      })
      .catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === 'token_budget_exhausted')) throw error;
        state.budgetExhausted = true;
        return null;
      });
    return result && { envelope: result.value, model: result.model };
  }

  /** Matches the drafts to the batch's slots by platform and runs the guardrails; returns the slots still open. */
  private review(state: RunState, batch: OpenSlot[], drafts: unknown[]): OpenSlot[] {
    const kind = (batch[0] as OpenSlot).slot.kind;
    const unmatched = [...batch];
    const rejected: OpenSlot[] = [];
    const malformed: { platform: unknown; problem: string }[] = [];

    for (const raw of drafts) {
      const parsed = KINDS[kind].draft.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        malformed.push({
          platform: (raw as { platform?: unknown } | null)?.platform,
          problem: `${issue?.path.join('.') || 'idea'}: ${issue?.message ?? 'invalid'}`,
        });
        continue;
      }
      const index = unmatched.findIndex(({ slot }) => slot.platform === parsed.data.platform);
      if (index < 0) continue;
      const [{ slot }] = unmatched.splice(index, 1) as [OpenSlot];
      const idea = toGeneratedIdea(kind, parsed.data, `${kind}/${state.versions[kind]}`);
      const violations = checkIdea(idea, { banned: state.banned, titles: state.titles });
      if (violations.length === 0) {
        state.titles.add(idea.title);
        state.acceptedTitles.push(idea.title);
        state.accepted.set(slot, idea);
      } else {
        for (const { rule } of violations) this.deps.metrics.guardrailRejections.inc({ rule });
        rejected.push({ slot, reasons: violations.map(({ message }) => message) });
      }
    }

    for (const open of unmatched) {
      const index = malformed.findIndex(({ platform }) => platform === open.slot.platform);
      const [problem] = index >= 0 ? malformed.splice(index, 1) : [];
      rejected.push({
        slot: open.slot,
        reasons: [
          problem
            ? `The draft did not fit the format (${problem.problem}).`
            : 'The answer left this idea out.',
        ],
      });
    }
    return rejected;
  }
}

function outputSchema(name: string, schema: z.ZodType): OutputSchema<AnswerEnvelope> {
  return { name, jsonSchema: toStrictJsonSchema(schema), parse: (value) => AnswerEnvelope.parse(value) };
}

function toGeneratedIdea(
  kind: IdeaKind,
  draft: PostIdeaDraft | ReelIdeaDraft,
  templateVersion: string,
): GeneratedIdea {
  const common = {
    platform: draft.platform,
    title: draft.title,
    hook: draft.hook,
    caption: draft.caption,
    hashtags: normalizeHashtags(draft.hashtags),
    callToAction: draft.callToAction,
    templateVersion,
  };
  if (kind === 'post') {
    return { type: 'POST', ...common, visualDirection: (draft as PostIdeaDraft).visualDirection };
  }
  const { durationSec, beats, audioSuggestion } = draft as ReelIdeaDraft;
  return { type: 'REEL', ...common, durationSec, beats, audioSuggestion };
}

function dropWarning(slot: Slot, reasons: string[], attempts: number): GenerationWarning {
  const platform = PLATFORM_LIMITS[slot.platform].name;
  return {
    code: 'idea_dropped',
    message: `${slot.kind === 'post' ? 'Post' : 'Reel'} idea ${slot.number} for ${platform} was left out: no draft passed the checks in ${attempts} attempts.`,
    type: slot.kind === 'post' ? 'POST' : 'REEL',
    platform: slot.platform,
    reasons,
  };
}

function budgetWarning(ideasLeftOut: number): GenerationWarning {
  return {
    code: 'token_budget_exhausted',
    message: `The run's token budget ran out, so ${ideasLeftOut} idea${ideasLeftOut === 1 ? ' was' : 's were'} left out; the ideas made before it did are kept.`,
  };
}

/** The system template always; post and reel only when the run asked for them. */
function usedVersions(versions: TemplateVersions, request: GenerateIdeasRequest): TemplateVersionSelection {
  return {
    system: versions.system,
    ...(request.counts.posts > 0 ? { post: versions.post } : {}),
    ...(request.counts.reels > 0 ? { reel: versions.reel } : {}),
  };
}
