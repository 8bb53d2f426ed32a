import { z } from 'zod';
import { IdeaStatus, Platform } from './common.ts';
import { PageQuery } from './pagination.ts';

export const CampaignStatus = z.enum(['DRAFT', 'ACTIVE', 'COMPLETED', 'ARCHIVED']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const MAX_IDEAS_PER_CAMPAIGN_TYPE = 50;

const phrases = (maxItems: number, maxLength: number) =>
  z.array(z.string().trim().min(1).max(maxLength)).max(maxItems);
const count = z.int().min(0).max(MAX_IDEAS_PER_CAMPAIGN_TYPE);

const CampaignFields = {
  name: z.string().trim().min(1).max(120),
  objective: z.string().trim().max(1000),
  brief: z.string().trim().max(8000),
  keyMessages: phrases(20, 300),
  themes: phrases(20, 120),
  toneOverride: z.string().trim().max(300).nullable(),
  platforms: z.array(Platform).min(1, 'pick at least one platform').max(Platform.options.length),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  numPosts: count,
  numReels: count,
  status: CampaignStatus.exclude(['ARCHIVED']),
};

type DatesAndCounts = {
  startDate?: string | null;
  endDate?: string | null;
  numPosts?: number;
  numReels?: number;
};

/** Rules that span fields; on updates they apply to the fields the body sets. */
function checkDatesAndCounts(body: DatesAndCounts, ctx: z.RefinementCtx) {
  if (body.startDate && body.endDate && body.endDate < body.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'the campaign cannot end before it starts' });
  }
  if (body.numPosts !== undefined && body.numReels !== undefined && body.numPosts + body.numReels === 0) {
    ctx.addIssue({ code: 'custom', path: ['numPosts'], message: 'plan at least one post or reel' });
  }
}

export const CreateCampaignBody = z
  .strictObject({
    ...CampaignFields,
    clientId: z.uuid(),
    objective: CampaignFields.objective.default(''),
    brief: CampaignFields.brief.default(''),
    keyMessages: CampaignFields.keyMessages.default([]),
    themes: CampaignFields.themes.default([]),
    toneOverride: CampaignFields.toneOverride.default(null),
    startDate: CampaignFields.startDate.default(null),
    endDate: CampaignFields.endDate.default(null),
    numPosts: count.default(0),
    numReels: count.default(0),
    status: CampaignFields.status.default('DRAFT'),
  })
  .superRefine(checkDatesAndCounts);
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

export const UpdateCampaignBody = z
  .strictObject(CampaignFields)
  .partial()
  .superRefine((body, ctx) => {
    if (Object.keys(body).length === 0)
      ctx.addIssue({ code: 'custom', path: [], message: 'change at least one field' });
    checkDatesAndCounts(body, ctx);
  });
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBody>;

export const ListCampaignsQuery = PageQuery.extend({
  clientId: z.uuid().optional(),
  status: CampaignStatus.optional(),
});
export type ListCampaignsQuery = z.infer<typeof ListCampaignsQuery>;

export const Campaign = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  name: z.string(),
  objective: z.string(),
  brief: z.string(),
  keyMessages: z.array(z.string()),
  themes: z.array(z.string()),
  toneOverride: z.string().nullable(),
  platforms: z.array(Platform),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  numPosts: z.int(),
  numReels: z.int(),
  status: CampaignStatus,
  /** Ideas per status, as the caller may see them. */
  ideaCounts: z.partialRecord(IdeaStatus, z.int()),
  /** Ideas waiting for the client's answer. */
  awaitingClient: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Campaign = z.infer<typeof Campaign>;
