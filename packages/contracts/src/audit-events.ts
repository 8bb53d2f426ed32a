import { z } from 'zod';
import { BrandCheckField, BrandCheckRule } from './brand-check.ts';
import { BrandProposalKind } from './brand-proposals.ts';
import { CampaignStatus, UpdateCampaignBody } from './campaigns.ts';
import { UpdateClientBody } from './clients.ts';
import { IdeaStatus, Platform, Role } from './common.ts';
import { GenerationErrorCode } from './generations.ts';
import { IDEA_CONTENT_FIELDS } from './idea-content.ts';
import { CommentVisibility } from './ideas.ts';
import { TenantStatus } from './tenants.ts';
import { UserStatus } from './users.ts';

export const ActivityEntityType = z.enum(['tenant', 'user', 'client', 'campaign', 'idea', 'generation']);
export type ActivityEntityType = z.infer<typeof ActivityEntityType>;

/** One action of the audit log: the kind of entity it is about and the data it records. */
function auditEvent<const A extends string, const E extends ActivityEntityType, S extends z.ZodRawShape>(
  action: A,
  entityType: E,
  data: S,
) {
  return z.object({
    action: z.literal(action),
    entityType: z.literal(entityType),
    data: z.strictObject(data),
  });
}

const change = <T extends z.ZodType>(value: T) => z.strictObject({ from: value, to: value });

const title = z.string();
const name = z.string();
const version = z.int();
/** A usage figure: present only for readers who may read the agency's usage. */
const tokens = z.int().optional();

const member = { email: z.string(), role: Role, clientId: z.uuid().nullable() };
const ideaChangedFields = z.array(z.enum([...IDEA_CONTENT_FIELDS, 'scheduledFor']));
const clientChangedFields = { name, changedFields: z.array(UpdateClientBody.keyof()) };
const campaignStatusChange = { status: change(CampaignStatus) };
const campaignUpdate = {
  name,
  changedFields: z.array(UpdateCampaignBody.keyof()),
  changes: z.strictObject(campaignStatusChange).optional(),
};

/** Every action the audit log records, by `action`: what a new audit event adds to first. */
export const AuditEvent = z
  .discriminatedUnion('action', [
    auditEvent('tenant.created', 'tenant', { name, slug: z.string(), monthlyTokenQuota: z.int() }),
    auditEvent('tenant.updated', 'tenant', {
      changes: z
        .strictObject({
          name: change(z.string()),
          status: change(TenantStatus),
          monthlyTokenQuota: change(z.int()),
          logoUrl: change(z.string().nullable()),
        })
        .partial(),
    }),
    auditEvent('user.invited', 'user', member),
    auditEvent('user.joined', 'user', member),
    auditEvent('user.updated', 'user', {
      changes: z
        .strictObject({
          name: change(z.string()),
          role: change(Role),
          clientId: change(z.uuid().nullable()),
          status: change(UserStatus),
        })
        .partial(),
    }),
    auditEvent('client.created', 'client', { name, platforms: z.array(Platform) }),
    auditEvent('client.updated', 'client', clientChangedFields),
    auditEvent('client.archived', 'client', { name }),
    auditEvent('client.restored', 'client', { name }),
    auditEvent('client.brand_proposal_accepted', 'client', {
      name,
      proposalId: z.uuid(),
      kind: BrandProposalKind,
      text: z.string(),
      brandVersion: version,
    }),
    auditEvent('client.brand_proposal_dismissed', 'client', {
      name,
      proposalId: z.uuid(),
      kind: BrandProposalKind,
      text: z.string(),
    }),
    auditEvent('campaign.created', 'campaign', { name, clientId: z.uuid(), status: CampaignStatus }),
    auditEvent('campaign.updated', 'campaign', campaignUpdate),
    auditEvent('campaign.restored', 'campaign', campaignUpdate),
    auditEvent('campaign.archived', 'campaign', { name, changes: z.strictObject(campaignStatusChange) }),
    auditEvent('campaign.review_link_created', 'campaign', {
      name,
      linkId: z.uuid(),
      reviewerName: z.string(),
      /** Whether the link was mailed to the reviewer. */
      mailed: z.boolean(),
      expiresAt: z.iso.datetime({ offset: true }),
    }),
    auditEvent('campaign.review_link_revoked', 'campaign', {
      name,
      linkId: z.uuid(),
      reviewerName: z.string(),
      /** Revoked because a new link for the same reviewer replaced it. */
      replaced: z.boolean(),
    }),
    auditEvent('idea.generated', 'idea', { generationId: z.uuid(), templateVersion: z.string() }),
    auditEvent('idea.edited', 'idea', { title, version, changedFields: ideaChangedFields }),
    auditEvent('idea.regenerated', 'idea', {
      title,
      version,
      changedFields: ideaChangedFields,
      generationId: z.uuid(),
    }),
    auditEvent('idea.status_changed', 'idea', {
      title,
      from: IdeaStatus,
      to: IdeaStatus,
      version,
      round: z.int(),
      /** The comment that came with the move. */
      commentId: z.uuid().optional(),
      /** The client changed its earlier answer (`from`) before the agency acted on it. */
      answerChanged: z.literal(true).optional(),
    }),
    /** Sent with open brand check warnings: who confirmed (the event's actor) which findings. */
    auditEvent('idea.brand_check_confirmed', 'idea', {
      title,
      version,
      findings: z.array(z.strictObject({ rule: BrandCheckRule, field: BrandCheckField, match: z.string() })),
    }),
    auditEvent('idea.commented', 'idea', { title, commentId: z.uuid(), visibility: CommentVisibility }),
    auditEvent('generation.requested', 'generation', {
      campaignId: z.uuid(),
      /** Set when one idea is regenerated. */
      ideaId: z.uuid().nullable(),
      requested: z.strictObject({ posts: z.int(), reels: z.int() }),
      platforms: z.array(Platform),
    }),
    auditEvent('generation.succeeded', 'generation', { produced: z.int(), tokens, model: z.string() }),
    auditEvent('generation.failed', 'generation', {
      errorCode: GenerationErrorCode,
      tokens,
      /** The state of the run's job when the run was found abandoned. */
      jobState: z.string().nullable().optional(),
    }),
    auditEvent('campaign.review_overdue', 'campaign', {
      name,
      reviewRoundId: z.uuid(),
      reviewBy: z.iso.date(),
      /** Ideas still waiting for the client when the date passed. */
      pending: z.int(),
    }),
  ])
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;
export type AuditAction = AuditEvent['action'];
/** The data an action records. */
export type AuditData<A extends AuditAction> = Extract<AuditEvent, { action: A }>['data'];

const ENTITY_TYPE_OF = new Map<AuditAction, ActivityEntityType>(
  AuditEvent.options.map((option) => [option.shape.action.value, option.shape.entityType.value]),
);

/** The kind of entity an action is about, as the catalog declares it. */
export function auditEntityType(action: AuditAction): ActivityEntityType {
  const entityType = ENTITY_TYPE_OF.get(action);
  if (!entityType) throw new Error(`${action} is not an audit action`);
  return entityType;
}
