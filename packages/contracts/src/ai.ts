import { z } from 'zod';
import { BrandProposalKind } from './brand-proposals.ts';
import { CaptionMaxChars } from './brand-versions.ts';
import { IdeaType, Platform, ReelBeat } from './common.ts';
import { ErrorEnvelope } from './errors.ts';
import { defineRouteContracts } from './routes.ts';

/*
 * The AI service (apps/ai-service): the API sends a campaign and its brand, the service answers with
 * post and reel ideas. Also the shape the LLM itself must answer in (PostIdeaBatch, ReelIdeaBatch).
 */

export const MAX_IDEAS_PER_TYPE = 30;

/** Prompt templates the service renders; each exists in one or more versions (v1, v2 …). */
export const TemplateName = z.enum(['system', 'post', 'reel', 'feedback']);
export type TemplateName = z.infer<typeof TemplateName>;

export const TemplateVersion = z.string().regex(/^v[1-9]\d{0,3}$/, 'must look like v1, v2 …');
export type TemplateVersion = z.infer<typeof TemplateVersion>;

/** Template versions chosen for one run; a template left out uses the service's configured default. */
export const TemplateVersionSelection = z.strictObject({
  system: TemplateVersion.optional(),
  post: TemplateVersion.optional(),
  reel: TemplateVersion.optional(),
});
export type TemplateVersionSelection = z.infer<typeof TemplateVersionSelection>;

const optionalText = (max: number) => z.string().trim().max(max).nullish();
const phraseList = (maxItems: number, maxLength: number) =>
  z.array(z.string().trim().min(1).max(maxLength)).max(maxItems).default([]);

/** The brand profile, as the API stores it on the client. */
export const AiBrandContext = z.strictObject({
  name: z.string().trim().min(1).max(200),
  industry: optionalText(200),
  website: optionalText(500),
  brandVoice: optionalText(4000),
  toneKeywords: phraseList(20, 60),
  targetAudience: optionalText(2000),
  doList: phraseList(50, 300),
  /** Phrases the brand never uses: generated ideas containing one (whole words, any case) are rejected. */
  dontList: phraseList(100, 120),
  defaultHashtags: phraseList(30, 100),
  /** The longest caption (without hashtags) the client wants per platform, learned from review. */
  captionMaxChars: CaptionMaxChars.default({}),
});
export type AiBrandContext = z.infer<typeof AiBrandContext>;

export const AiCampaignContext = z.strictObject({
  name: z.string().trim().min(1).max(200),
  objective: optionalText(1000),
  brief: z.string().trim().max(8000).default(''),
  keyMessages: phraseList(20, 500),
  themes: phraseList(20, 200),
  /** Replaces the brand's usual tone for this campaign. */
  toneOverride: optionalText(500),
  startDate: z.iso.date().nullish(),
  endDate: z.iso.date().nullish(),
});
export type AiCampaignContext = z.infer<typeof AiCampaignContext>;

export const IdeaCounts = z.strictObject({
  posts: z.int().min(0).max(MAX_IDEAS_PER_TYPE).default(0),
  reels: z.int().min(0).max(MAX_IDEAS_PER_TYPE).default(0),
});
export type IdeaCounts = z.infer<typeof IdeaCounts>;

/** How many approved ideas of each type a request carries as examples. */
export const MAX_EXAMPLES_PER_TYPE = 3;

/**
 * A recently approved idea of this client, as an example of what it takes to: templates from v2 on
 * show them. `unchanged`: the client approved the first draft as it was written.
 */
export const AiIdeaExample = z.strictObject({
  type: IdeaType,
  platform: Platform,
  title: z.string().trim().min(1).max(300),
  hook: z.string().trim().max(500),
  caption: z.string().trim().max(5000),
  callToAction: z.string().trim().max(500),
  unchanged: z.boolean(),
});
export type AiIdeaExample = z.infer<typeof AiIdeaExample>;

/** What the client turned down recently: an idea's title and, when it said, why. */
export const AiTurnedDown = z.strictObject({
  title: z.string().trim().min(1).max(300),
  reason: z.string().trim().max(500).nullable(),
});
export type AiTurnedDown = z.infer<typeof AiTurnedDown>;

/** Body of POST /api/v1/generate. */
export const GenerateIdeasRequest = z.strictObject({
  /** The caller's request id, for correlating logs; the x-request-id header carries it too. */
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/)
    .optional(),
  tenantId: z.uuid(),
  campaign: AiCampaignContext,
  brand: AiBrandContext,
  counts: IdeaCounts.refine((counts) => counts.posts + counts.reels > 0, {
    message: 'ask for at least one post or reel',
  }),
  platforms: z
    .array(Platform)
    .min(1)
    .max(Platform.options.length)
    .refine((platforms) => new Set(platforms).size === platforms.length, {
      message: 'platforms must be unique',
    }),
  /** Extra direction from the agency for this run. */
  instructions: optionalText(2000),
  /** Titles of ideas that already exist (e.g. the campaign's other ideas): never repeated. */
  avoidTitles: phraseList(500, 300),
  templateVersions: TemplateVersionSelection.optional(),
  /** The client's recently approved ideas, newest first with unchanged approvals ahead (v2 templates). */
  examples: z
    .array(AiIdeaExample)
    .max(MAX_EXAMPLES_PER_TYPE * 2)
    .default([]),
  /** What the client recently turned down, newest first (v2 templates). */
  turnedDown: z.array(AiTurnedDown).max(10).default([]),
  /** Most tokens the run may spend: no LLM call starts that could take it past this. */
  tokenBudget: z.int().positive().optional(),
});
export type GenerateIdeasRequest = z.infer<typeof GenerateIdeasRequest>;
export type GenerateIdeasRequestInput = z.input<typeof GenerateIdeasRequest>;

/*
 * What the LLM writes. These schemas become the strict JSON schema of the structured output, so every
 * field is required (nullable where optional) and objects are closed. Length bounds are checked again
 * after parsing; the platform-specific limits are the guardrails' job.
 */
const draftText = (max: number, description: string) =>
  z.string().trim().min(1).max(max).describe(description);

const draftCommon = {
  platform: Platform.describe('The platform of the slot this idea fills, exactly as given.'),
  title: draftText(120, 'Short internal working title, 3–8 words, unique within the campaign.'),
  hook: draftText(300, 'The opening line exactly as published; it must stop the scroll on its own.'),
  caption: draftText(
    5000,
    'The complete text published with the post, starting with the hook, without hashtags.',
  ),
  hashtags: z
    .array(z.string().trim().min(1).max(100))
    .max(30)
    .describe('Hashtags published with the post, each starting with #.'),
  callToAction: draftText(300, 'The one action the audience should take, as phrased in the post.'),
};

export const PostIdeaDraft = z.strictObject({
  ...draftCommon,
  visualDirection: draftText(
    2000,
    'A brief for the designer or photographer: format, subject, composition, light.',
  ),
});
export type PostIdeaDraft = z.infer<typeof PostIdeaDraft>;

export const ReelIdeaDraft = z.strictObject({
  ...draftCommon,
  durationSec: z.int().min(1).max(600).describe('Total running time in whole seconds.'),
  beats: z.array(ReelBeat).min(1).max(20).describe('The timed script, in order; the first beat starts at 0.'),
  audioSuggestion: draftText(300, 'The sound: voiceover, ambient sound, or the style of music that fits.'),
});
export type ReelIdeaDraft = z.infer<typeof ReelIdeaDraft>;

export const PostIdeaBatch = z.strictObject({ ideas: z.array(PostIdeaDraft) });
export const ReelIdeaBatch = z.strictObject({ ideas: z.array(ReelIdeaDraft) });

/*
 * What the service answers with: ideas that passed the guardrails.
 */
const Hashtag = z.string().regex(/^#[^\s#]+$/, 'must be # followed by the tag, without spaces');

const generatedCommon = {
  platform: Platform,
  title: z.string().min(1),
  hook: z.string().min(1),
  caption: z.string().min(1),
  hashtags: z.array(Hashtag),
  callToAction: z.string().min(1),
  /** The template that produced the idea, e.g. `post/v1`. */
  templateVersion: z.string().regex(/^[a-z]+\/v\d+$/),
};

export const GeneratedPostIdea = z.strictObject({
  type: z.literal('POST'),
  ...generatedCommon,
  visualDirection: z.string().min(1),
});
export type GeneratedPostIdea = z.infer<typeof GeneratedPostIdea>;

export const GeneratedReelIdea = z.strictObject({
  type: z.literal('REEL'),
  ...generatedCommon,
  durationSec: z.int().min(1).max(600),
  beats: z.array(ReelBeat).min(1),
  audioSuggestion: z.string().min(1),
});
export type GeneratedReelIdea = z.infer<typeof GeneratedReelIdea>;

export const GeneratedIdea = z.discriminatedUnion('type', [GeneratedPostIdea, GeneratedReelIdea]);
export type GeneratedIdea = z.infer<typeof GeneratedIdea>;

export const TokenUsage = z.strictObject({
  promptTokens: z.int().min(0),
  completionTokens: z.int().min(0),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

export const GenerationWarning = z.discriminatedUnion('code', [
  /** An idea that kept failing the guardrails and was left out. */
  z.strictObject({
    code: z.literal('idea_dropped'),
    message: z.string(),
    type: IdeaType,
    platform: Platform,
    reasons: z.array(z.string()),
  }),
  /** The run's token budget ran out: the model was not asked again, and the ideas made so far are kept. */
  z.strictObject({ code: z.literal('token_budget_exhausted'), message: z.string() }),
]);
export type GenerationWarning = z.infer<typeof GenerationWarning>;

const ProducedCounts = z.strictObject({ posts: z.int().min(0), reels: z.int().min(0) });

export const GenerateIdeasResponse = z.strictObject({
  ideas: z.array(GeneratedIdea),
  /** Tokens of every LLM call of the run, retried and rejected ones included. */
  usage: TokenUsage,
  /** The model that answered, as it named itself. */
  model: z.string(),
  /** True when the ideas come from the offline model rather than a real LLM: label them so. */
  offline: z.boolean(),
  /** The version of each template the run used. */
  templateVersions: TemplateVersionSelection,
  counts: z.strictObject({ requested: ProducedCounts, produced: ProducedCounts }),
  warnings: z.array(GenerationWarning),
  /** LLM calls made, retries included. */
  llmCalls: z.int().min(0),
  latencyMs: z.int().min(0),
});
export type GenerateIdeasResponse = z.infer<typeof GenerateIdeasResponse>;

/*
 * Template listing: GET /api/v1/templates.
 */
export const PromptTemplateVersionInfo = z.strictObject({
  id: z.string(),
  version: TemplateVersion,
  description: z.string(),
  /** The structured output schema the template asks for; null for the system prompt. */
  outputSchema: z.string().nullable(),
  isDefault: z.boolean(),
});
export type PromptTemplateVersionInfo = z.infer<typeof PromptTemplateVersionInfo>;

export const PromptTemplateListing = z.strictObject({
  templates: z.array(
    z.strictObject({
      name: TemplateName,
      defaultVersion: TemplateVersion,
      versions: z.array(PromptTemplateVersionInfo),
    }),
  ),
});
export type PromptTemplateListing = z.infer<typeof PromptTemplateListing>;

/*
 * Errors: the envelope's `code` is one of these, so the API can map it.
 */
export const AiErrorCode = z.enum([
  'invalid_input',
  'unauthenticated',
  'not_found',
  'payload_too_large',
  /** The LLM could not be reached, answered 5xx, or rejected the request. */
  'llm_unavailable',
  /** The LLM kept answering 429. */
  'llm_rate_limited',
  /** The LLM's answers could not be used: unparseable, not matching the schema, or no idea passed the guardrails. */
  'llm_bad_output',
  /** The run did not finish within the service's time budget. */
  'timeout',
  /** The run's token budget ran out before any idea was made. */
  'token_budget_exhausted',
  'internal',
]);
export type AiErrorCode = z.infer<typeof AiErrorCode>;

/** Failures worth trying again later (e.g. a job retry); the others will fail the same way. */
export const AI_TRANSIENT_ERROR_CODES: readonly AiErrorCode[] = [
  'llm_unavailable',
  'llm_rate_limited',
  'timeout',
];

/** LLM failures carry this in `error.details`, so the tokens already spent can still be recorded. */
export const AiFailureDetail = z.strictObject({ usage: TokenUsage, llmCalls: z.int().min(0) });
export type AiFailureDetail = z.infer<typeof AiFailureDetail>;

/*
 * Generating with progress: POST /api/v1/generate/stream answers newline-delimited JSON, one
 * `GenerateStreamLine` a line.
 */

/** Where a run stands after one of its batches (one LLM call's worth of ideas) finished. */
export const GenerateProgress = z.strictObject({
  batchesDone: z.int().min(0),
  /** Batches asked for so far: grows when a follow-up round asks again for rejected ideas. */
  batchesTotal: z.int().min(1),
  /** Ideas that passed the guardrails so far. */
  ideasReady: z.int().min(0),
});
export type GenerateProgress = z.infer<typeof GenerateProgress>;

/**
 * A line of the stream: progress after each finished batch, then exactly one `result` or `error`.
 * A failure before the first progress line is answered as on /generate instead (its status and
 * the error envelope); once the stream has begun, the status it would have had is in the line.
 */
export const GenerateStreamLine = z.discriminatedUnion('type', [
  GenerateProgress.extend({ type: z.literal('progress') }),
  z.strictObject({ type: z.literal('result'), result: GenerateIdeasResponse }),
  ErrorEnvelope.extend({ type: z.literal('error'), status: z.int().min(400).max(599) }),
]);
export type GenerateStreamLine = z.infer<typeof GenerateStreamLine>;

/*
 * Learning from review: POST /api/v1/feedback. The API sends what a client's recent reviews said
 * (ideas with their AI draft and approved version, the client's comments) and the signals it
 * counted itself; the `feedback` template asks the model for brand profile suggestions, each
 * citing the refs (I1, C1 …) of its evidence.
 */

const EvidenceRef = z.string().regex(/^[IC][1-9]\d{0,3}$/, 'an idea ref I1 … or a comment ref C1 …');

/** The published text of a version of an idea, as review compares it. */
export const AiFeedbackText = z.strictObject({
  caption: z.string().trim().max(5000),
  hashtags: z.array(z.string().trim().max(100)).max(30),
  callToAction: z.string().trim().max(500),
});
export type AiFeedbackText = z.infer<typeof AiFeedbackText>;

export const AiFeedbackOutcome = z.enum(['approved', 'rejected', 'changes_requested']);
export type AiFeedbackOutcome = z.infer<typeof AiFeedbackOutcome>;

export const AiFeedbackIdea = z.strictObject({
  ref: EvidenceRef,
  type: IdeaType,
  platform: Platform,
  title: z.string().trim().min(1).max(300),
  outcome: AiFeedbackOutcome,
  /** The AI's first draft. */
  draft: AiFeedbackText,
  /** The version the client answered (approved, or turned down), after the agency's edits. */
  answered: AiFeedbackText,
});
export type AiFeedbackIdea = z.infer<typeof AiFeedbackIdea>;

export const AiFeedbackComment = z.strictObject({
  ref: EvidenceRef,
  ideaRef: EvidenceRef,
  /** What the client did with the idea when it wrote this, if it did anything. */
  with: z.enum(['rejection', 'change_request', 'comment']),
  text: z.string().trim().min(1).max(2000),
});
export type AiFeedbackComment = z.infer<typeof AiFeedbackComment>;

/** A pattern the API counted in the history; the model may confirm, refine or leave it. */
export const AiFeedbackSignal = z.strictObject({
  kind: BrandProposalKind,
  text: z.string().trim().min(1).max(500),
  platform: Platform.nullable(),
  maxCaptionChars: z.int().min(40).max(5000).nullable(),
  occurrences: z.int().min(1),
  ideaRefs: z.array(EvidenceRef).max(50),
  commentRefs: z.array(EvidenceRef).max(50),
  summary: z.string().trim().max(500),
});
export type AiFeedbackSignal = z.infer<typeof AiFeedbackSignal>;

export const MAX_FEEDBACK_IDEAS = 40;

/** Body of POST /api/v1/feedback. */
export const FeedbackRequest = z.strictObject({
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/)
    .optional(),
  tenantId: z.uuid(),
  brand: AiBrandContext,
  ideas: z.array(AiFeedbackIdea).min(1).max(MAX_FEEDBACK_IDEAS),
  comments: z.array(AiFeedbackComment).max(200).default([]),
  signals: z.array(AiFeedbackSignal).max(50).default([]),
  /** The `feedback` template version; left out, the service's default. */
  templateVersion: TemplateVersion.optional(),
  tokenBudget: z.int().positive().optional(),
});
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;
export type FeedbackRequestInput = z.input<typeof FeedbackRequest>;

/** One suggestion as the model writes it (the structured output; every field required). */
export const FeedbackProposalDraft = z.strictObject({
  kind: BrandProposalKind.describe('What the suggestion adds to the brand profile.'),
  text: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe(
      'The phrase to never use, the rule to always follow, the voice note, the hashtag with #, or for caption_length a sentence saying the limit.',
    ),
  platform: Platform.nullable().describe('caption_length only: the platform; null otherwise.'),
  maxCaptionChars: z
    .int()
    .min(40)
    .max(5000)
    .nullable()
    .describe('caption_length only: the longest caption in characters, without hashtags; null otherwise.'),
  confidence: z.number().min(0).max(1).describe('How sure the evidence makes it, from 0 to 1.'),
  ideaRefs: z.array(z.string()).max(50).describe('Refs (I1 …) of the ideas that show it.'),
  commentRefs: z.array(z.string()).max(50).describe('Refs (C1 …) of the comments that show it.'),
  rationale: z.string().trim().min(1).max(500).describe('One sentence: what in the evidence shows it.'),
});
export type FeedbackProposalDraft = z.infer<typeof FeedbackProposalDraft>;

export const FeedbackProposalBatch = z.strictObject({ proposals: z.array(FeedbackProposalDraft).max(30) });
export type FeedbackProposalBatch = z.infer<typeof FeedbackProposalBatch>;

/** Output schemas by the name a template manifest refers to them with. */
export const PROMPT_OUTPUT_SCHEMAS = { PostIdeaBatch, ReelIdeaBatch, FeedbackProposalBatch } as const;
export type PromptOutputSchemaName = keyof typeof PROMPT_OUTPUT_SCHEMAS;

export const FeedbackResponse = z.strictObject({
  /** Suggestions whose refs all name ideas and comments of the request (others are left out). */
  proposals: z.array(FeedbackProposalDraft),
  usage: TokenUsage,
  model: z.string(),
  offline: z.boolean(),
  /** e.g. `feedback/v1`. */
  templateVersion: z.string().regex(/^[a-z]+\/v\d+$/),
  llmCalls: z.int().min(0),
  latencyMs: z.int().min(0),
});
export type FeedbackResponse = z.infer<typeof FeedbackResponse>;

/** The AI service's own API (port 8800), called by the API's generation worker only. */
export const aiServiceRoutes = defineRouteContracts({
  generate: {
    method: 'POST',
    path: '/api/v1/generate',
    summary: 'Generate post and reel ideas for a campaign',
    description: 'Authenticated with the service token shared with the API (Authorization: Bearer).',
    tags: ['ai-service'],
    auth: 'bearer',
    body: GenerateIdeasRequest,
    response: GenerateIdeasResponse,
    errors: [422],
  },
  generateStream: {
    method: 'POST',
    path: '/api/v1/generate/stream',
    summary: 'Generate post and reel ideas for a campaign, reporting each finished batch',
    description:
      'As /api/v1/generate, answered as newline-delimited JSON (`GenerateStreamLine`): a progress line ' +
      'per finished batch, then the result or the error. Authenticated like /api/v1/generate.',
    tags: ['ai-service'],
    auth: 'bearer',
    body: GenerateIdeasRequest,
    contentType: 'application/x-ndjson',
    errors: [422],
  },
  feedback: {
    method: 'POST',
    path: '/api/v1/feedback',
    summary: 'Suggest brand profile changes from a client’s review history',
    description: 'Authenticated with the service token shared with the API (Authorization: Bearer).',
    tags: ['ai-service'],
    auth: 'bearer',
    body: FeedbackRequest,
    response: FeedbackResponse,
    errors: [422],
  },
  templates: {
    method: 'GET',
    path: '/api/v1/templates',
    summary: 'List the prompt templates and their versions',
    description: 'Authenticated with the service token shared with the API (Authorization: Bearer).',
    tags: ['ai-service'],
    auth: 'bearer',
    response: PromptTemplateListing,
  },
});
