import { z } from 'zod';
import { IdeaStatus, Platform } from './common.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { ReviewByDate } from './review-rounds.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';

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
  /** A subset of the client's platforms. */
  platforms: z
    .array(Platform)
    .min(1, 'pick at least one platform')
    .max(Platform.options.length)
    .refine((platforms) => new Set(platforms).size === platforms.length, 'list each platform once'),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  numPosts: count,
  numReels: count,
  status: CampaignStatus.exclude(['ARCHIVED']),
  /** By when the client should answer what it is sent; a sending may set its own. */
  reviewBy: ReviewByDate.nullable(),
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
    reviewBy: CampaignFields.reviewBy.default(null),
  })
  .superRefine(checkDatesAndCounts)
  .meta({ id: 'CreateCampaignBody' });
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

export const UpdateCampaignBody = z
  .strictObject(CampaignFields)
  .partial()
  .superRefine((body, ctx) => {
    if (Object.keys(body).length === 0)
      ctx.addIssue({ code: 'custom', path: [], message: 'change at least one field' });
    checkDatesAndCounts(body, ctx);
  })
  .meta({ id: 'UpdateCampaignBody' });
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBody>;

export const ListCampaignsQuery = z.strictObject({
  ...PageQuery.shape,
  clientId: z.uuid().optional(),
  /** Without it, every campaign but the archived ones. */
  status: CampaignStatus.optional(),
});
export type ListCampaignsQuery = z.infer<typeof ListCampaignsQuery>;

export const Campaign = z
  .object({
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
    reviewBy: z.iso.date().nullable(),
    /** Ideas per status, as the caller may see them. */
    ideaCounts: z.partialRecord(IdeaStatus, z.int()),
    /** Ideas waiting for the client's answer. */
    awaitingClient: z.int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof Campaign>;

export const CampaignPage = pageOf(Campaign).meta({ id: 'CampaignPage' });

export const campaignRoutes = defineRouteContracts({
  list: {
    method: 'GET',
    path: '/api/campaigns',
    summary: 'List campaigns, newest first, with their ideas per status',
    description: 'A client contact sees its own client’s campaigns, with the ideas it may see.',
    tags: ['campaigns'],
    auth: 'bearer',
    query: ListCampaignsQuery,
    response: CampaignPage,
  },
  create: {
    method: 'POST',
    path: '/api/campaigns',
    summary: 'Plan a campaign for a client',
    description: 'The platforms must be among the client’s; an archived client gets no new campaigns (409).',
    tags: ['campaigns'],
    auth: 'bearer',
    body: CreateCampaignBody,
    response: Campaign,
    successStatus: 201,
    errors: [409],
  },
  get: {
    method: 'GET',
    path: '/api/campaigns/:id',
    summary: 'One campaign with its ideas per status',
    tags: ['campaigns'],
    auth: 'bearer',
    params: IdParams,
    response: Campaign,
  },
  update: {
    method: 'PATCH',
    path: '/api/campaigns/:id',
    summary: 'Change a campaign',
    description:
      'The rules of a new campaign hold for the result. An archived campaign changes only when the update gives it a status again, which restores it.',
    tags: ['campaigns'],
    auth: 'bearer',
    params: IdParams,
    body: UpdateCampaignBody,
    response: Campaign,
    errors: [409],
  },
  archive: {
    method: 'DELETE',
    path: '/api/campaigns/:id',
    summary: 'Archive a campaign',
    description: 'Its ideas stay readable but no longer change. Archiving twice is harmless.',
    tags: ['campaigns'],
    auth: 'bearer',
    params: IdParams,
    response: Campaign,
  },
});
