import { type ActivityEvent, type AuditEvent, AuditEvent as AuditEventSchema } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { describeActivity } from './activity';

const olivia = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Olivia Hart',
  role: 'AGENCY_ADMIN',
} as const;

const ids = {
  entity: '00000000-0000-4000-8000-000000000003',
  generation: '00000000-0000-4000-8000-000000000004',
  campaign: '00000000-0000-4000-8000-000000000005',
  comment: '00000000-0000-4000-8000-000000000006',
};

function event(
  audit: AuditEvent,
  actor: ActivityEvent['actor'] = olivia,
  reviewLink: ActivityEvent['reviewLink'] = null,
): ActivityEvent {
  return {
    id: '00000000-0000-4000-8000-000000000002',
    actor,
    reviewLink,
    entityId: ids.entity,
    requestId: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    ...audit,
  };
}

const move = (from: 'GENERATED' | 'PENDING_CLIENT' | 'CHANGES_REQUESTED', to: typeof from): AuditEvent => ({
  action: 'idea.status_changed',
  entityType: 'idea',
  data: { title: 'Crumb shot', from, to, version: 2, round: 1 },
});

const examples: [AuditEvent, string][] = [
  [move('GENERATED', 'PENDING_CLIENT'), 'Olivia Hart sent “Crumb shot” to the client'],
  [move('PENDING_CLIENT', 'CHANGES_REQUESTED'), 'Olivia Hart asked for changes to “Crumb shot”'],
  [move('CHANGES_REQUESTED', 'GENERATED'), 'Olivia Hart moved “Crumb shot” from Changes requested to Drafts'],
  [
    {
      action: 'idea.status_changed',
      entityType: 'idea',
      data: {
        title: 'Crumb shot',
        from: 'CLIENT_APPROVED',
        to: 'CHANGES_REQUESTED',
        version: 3,
        round: 1,
        answerChanged: true,
      },
    },
    'Olivia Hart changed their answer to “Crumb shot” from Approved to Changes requested',
  ],
  [
    {
      action: 'idea.edited',
      entityType: 'idea',
      data: { title: 'Crumb shot', version: 3, changedFields: ['caption', 'visualDirection'] },
    },
    'Olivia Hart edited “Crumb shot” (caption, visual direction)',
  ],
  [
    {
      action: 'idea.commented',
      entityType: 'idea',
      data: { title: 'Crumb shot', commentId: ids.comment, visibility: 'CLIENT' },
    },
    'Olivia Hart commented on “Crumb shot”',
  ],
  [
    {
      action: 'idea.generated',
      entityType: 'idea',
      data: { generationId: ids.generation, templateVersion: 'post/v1' },
    },
    'Muse generated an idea for Olivia Hart',
  ],
  [
    {
      action: 'idea.regenerated',
      entityType: 'idea',
      data: { title: 'Crumb shot', version: 4, changedFields: ['hook'], generationId: ids.generation },
    },
    'Olivia Hart regenerated “Crumb shot”',
  ],
  [
    {
      action: 'generation.requested',
      entityType: 'generation',
      data: {
        campaignId: ids.campaign,
        ideaId: null,
        requested: { posts: 4, reels: 1 },
        platforms: ['INSTAGRAM'],
      },
    },
    'Olivia Hart asked for 4 posts and 1 reel',
  ],
  [
    {
      action: 'generation.succeeded',
      entityType: 'generation',
      data: { produced: 1, tokens: 900, model: 'muse-small' },
    },
    'Muse generated 1 idea for Olivia Hart',
  ],
  [
    { action: 'generation.succeeded', entityType: 'generation', data: { produced: 5, model: 'muse-small' } },
    'Muse generated 5 ideas for Olivia Hart',
  ],
  [
    {
      action: 'generation.failed',
      entityType: 'generation',
      data: { errorCode: 'worker_lost', jobState: null },
    },
    'Muse could not generate ideas for Olivia Hart',
  ],
  [
    {
      action: 'client.created',
      entityType: 'client',
      data: { name: 'Luna Bakery', platforms: ['INSTAGRAM'] },
    },
    'Olivia Hart added the client “Luna Bakery”',
  ],
  [
    { action: 'client.archived', entityType: 'client', data: { name: 'Luna Bakery' } },
    'Olivia Hart archived the client “Luna Bakery”',
  ],
  [
    {
      action: 'client.brand_proposal_accepted',
      entityType: 'client',
      data: {
        name: 'Luna Bakery',
        proposalId: ids.comment,
        kind: 'never_use',
        text: 'cheap',
        brandVersion: 4,
      },
    },
    'Olivia Hart accepted the brand suggestion “cheap” for “Luna Bakery” (version 4)',
  ],
  [
    {
      action: 'client.brand_proposal_dismissed',
      entityType: 'client',
      data: { name: 'Luna Bakery', proposalId: ids.comment, kind: 'banned_hashtag', text: '#deals' },
    },
    'Olivia Hart dismissed the brand suggestion “#deals” for “Luna Bakery”',
  ],
  [
    {
      action: 'campaign.updated',
      entityType: 'campaign',
      data: { name: 'Spring', changedFields: ['endDate'] },
    },
    'Olivia Hart updated the campaign “Spring” (end date)',
  ],
  [
    {
      action: 'campaign.review_link_created',
      entityType: 'campaign',
      data: {
        name: 'Spring',
        linkId: ids.comment,
        reviewerName: 'Dana Whitfield',
        mailed: true,
        expiresAt: '2026-03-15T10:00:00.000Z',
      },
    },
    'Olivia Hart shared the campaign “Spring” for review with Dana Whitfield',
  ],
  [
    {
      action: 'campaign.review_link_revoked',
      entityType: 'campaign',
      data: { name: 'Spring', linkId: ids.comment, reviewerName: 'Dana Whitfield', replaced: false },
    },
    'Olivia Hart revoked Dana Whitfield’s review link to “Spring”',
  ],
  [
    {
      action: 'campaign.review_link_revoked',
      entityType: 'campaign',
      data: { name: 'Spring', linkId: ids.comment, reviewerName: 'Dana Whitfield', replaced: true },
    },
    'Olivia Hart replaced Dana Whitfield’s review link to “Spring”',
  ],
  [
    {
      action: 'user.invited',
      entityType: 'user',
      data: { email: 'lena@luna.test', role: 'CLIENT', clientId: ids.entity },
    },
    'Olivia Hart invited lena@luna.test',
  ],
  [
    {
      action: 'user.joined',
      entityType: 'user',
      data: { email: 'olivia@northwind.test', role: 'AGENCY_ADMIN', clientId: null },
    },
    'Olivia Hart joined the agency',
  ],
  [
    { action: 'user.updated', entityType: 'user', data: { changes: {} } },
    'Olivia Hart updated a team member',
  ],
  [
    {
      action: 'campaign.review_overdue',
      entityType: 'campaign',
      data: { name: 'Spring', reviewRoundId: ids.entity, reviewBy: '2026-03-10', pending: 2 },
    },
    'The client did not answer “Spring” by 2026-03-10: 2 ideas still waiting',
  ],
  [
    { action: 'tenant.updated', entityType: 'tenant', data: { changes: {} } },
    'Olivia Hart updated the agency’s settings',
  ],
];

describe('describeActivity', () => {
  it.each(examples)('%o reads “%s”', (audit, sentence) => {
    expect(AuditEventSchema.parse(audit)).toEqual(audit);
    expect(describeActivity(event(audit))).toBe(sentence);
  });

  it('leaves the requester out of the system’s events without one', () => {
    const succeeded: AuditEvent = {
      action: 'generation.succeeded',
      entityType: 'generation',
      data: { produced: 2, model: 'muse-small' },
    };
    expect(describeActivity(event(succeeded, null))).toBe('Muse generated 2 ideas');
  });

  it('names the holder of a review link as the agency named the reviewer', () => {
    const link = { id: ids.comment, reviewerName: 'Dana Whitfield' };
    expect(describeActivity(event(move('PENDING_CLIENT', 'CHANGES_REQUESTED'), null, link))).toBe(
      'Dana Whitfield (review link) asked for changes to “Crumb shot”',
    );
  });
});
