import { z } from 'zod';

/**
 * The generation and usage routes of DESIGN §8. Read leniently: only what the UI shows is
 * required, so additional fields from the API never break the page.
 */
export const GenerationStatus = z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED']);
export type GenerationStatus = z.infer<typeof GenerationStatus>;

export const GenerationStarted = z.looseObject({ generationId: z.uuid(), status: GenerationStatus });
export type GenerationStarted = z.infer<typeof GenerationStarted>;

export const Generation = z.looseObject({
  id: z.uuid(),
  status: GenerationStatus,
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
  promptTokens: z.int().nullish(),
  completionTokens: z.int().nullish(),
  ideaIds: z.array(z.uuid()).nullish(),
  queuedAt: z.string().nullish(),
  startedAt: z.string().nullish(),
  finishedAt: z.string().nullish(),
});
export type Generation = z.infer<typeof Generation>;

const UsageLine = z.looseObject({ name: z.string().optional(), tokens: z.int().default(0) });

export const Usage = z.looseObject({
  tokensUsed: z.int(),
  monthlyTokenQuota: z.int(),
  periodStart: z.string().nullish(),
  byClient: z
    .array(UsageLine.extend({ clientId: z.string().optional(), clientName: z.string().optional() }))
    .default([]),
  byCampaign: z
    .array(
      UsageLine.extend({
        campaignId: z.string().optional(),
        campaignName: z.string().optional(),
        clientName: z.string().optional(),
      }),
    )
    .default([]),
});
export type Usage = z.infer<typeof Usage>;
