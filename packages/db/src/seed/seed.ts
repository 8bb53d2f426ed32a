import { AuditEvent, brandSnapshotOf, CaptionMaxChars, ideaSnapshot } from '@muse/contracts';
import { localSubject } from '@muse/local-auth';
import type { Database, TenantTx } from '../client.ts';
import {
  DEMO_TENANTS,
  type DemoClient,
  type DemoIdea,
  type DemoTenant,
  PLATFORM_ADMIN,
} from './demo-data.ts';

/** The template every seeded idea was written with. */
const TEMPLATE_VERSION = 'post@v1';
/** When the seeded ideas were generated: fixed, so lists have a stable order. */
const GENERATED_AT = new Date(Date.UTC(2026, 9, 1, 9));

export interface SeedResult {
  tenantsCreated: string[];
  tenantsSkipped: string[];
}

/**
 * Seeds the demo data, as the owner (it makes active users, which no service login may).
 * Idempotent: a tenant whose slug exists is left alone.
 */
export async function seed(db: Database): Promise<SeedResult> {
  const result: SeedResult = { tenantsCreated: [], tenantsSkipped: [] };
  await db.withPlatformTx(async (tx) => {
    const existing = await tx.user.findFirst({ where: { email: PLATFORM_ADMIN.email, tenantId: null } });
    if (!existing) {
      await tx.user.create({
        data: {
          email: PLATFORM_ADMIN.email,
          name: PLATFORM_ADMIN.name,
          role: 'PLATFORM_ADMIN',
          status: 'ACTIVE',
          authSubject: localSubject(PLATFORM_ADMIN.email),
        },
      });
    }
  });

  for (const demo of DEMO_TENANTS) {
    const created = await db.withPlatformTx(async (tx) => {
      if (await tx.tenant.findUnique({ where: { slug: demo.slug } })) return null;
      return tx.tenant.create({
        data: { name: demo.name, slug: demo.slug, monthlyTokenQuota: demo.monthlyTokenQuota },
      });
    });
    if (!created) {
      result.tenantsSkipped.push(demo.slug);
      continue;
    }
    await db.withTenantTx(created.id, (tx) => seedTenant(tx, created.id, demo), { timeoutMs: 60_000 });
    result.tenantsCreated.push(demo.slug);
  }
  return result;
}

async function seedTenant(tx: TenantTx, tenantId: string, demo: DemoTenant): Promise<void> {
  const userIds = new Map<string, string>();
  const addUser = async (
    email: string,
    name: string,
    role: 'AGENCY_ADMIN' | 'AGENCY_MEMBER' | 'CLIENT',
    clientId?: string,
  ) => {
    const user = await tx.user.create({
      data: { tenantId, email, name, role, clientId, status: 'ACTIVE', authSubject: localSubject(email) },
    });
    userIds.set(email, user.id);
    return user.id;
  };
  for (const admin of demo.admins) await addUser(admin.email, admin.name, 'AGENCY_ADMIN');
  for (const member of demo.members) await addUser(member.email, member.name, 'AGENCY_MEMBER');
  const ownerId = userIds.get(demo.admins[0]?.email ?? '');

  for (const demoClient of demo.clients) {
    await seedClient(tx, tenantId, demoClient, ownerId, userIds, addUser);
  }
}

async function seedClient(
  tx: TenantTx,
  tenantId: string,
  demo: DemoClient,
  ownerId: string | undefined,
  userIds: Map<string, string>,
  addUser: (email: string, name: string, role: 'CLIENT', clientId: string) => Promise<string>,
): Promise<void> {
  const { contact, campaign: demoCampaign, suggestion, ...profile } = demo;
  const client = await tx.client.create({ data: { ...profile, tenantId } });
  await tx.brandProfileVersion.create({
    data: {
      tenantId,
      clientId: client.id,
      number: 1,
      snapshot: brandSnapshotOf({
        ...client,
        captionMaxChars: CaptionMaxChars.parse(client.captionMaxChars),
      }),
      createdById: ownerId,
    },
  });
  await addUser(contact.email, contact.name, 'CLIENT', client.id);
  if (suggestion) {
    await tx.brandProposal.create({
      data: {
        tenantId,
        clientId: client.id,
        kind: 'never_use',
        text: suggestion.neverUse,
        dedupKey: `never_use:${suggestion.neverUse}`,
        confidence: 0.8,
        evidence: { ideaIds: [], commentIds: [], occurrences: 3, lines: suggestion.lines },
        source: 'signal',
      },
    });
  }
  await audit(tx, tenantId, ownerId, client.id, {
    action: 'client.created',
    entityType: 'client',
    data: { name: client.name, platforms: client.platforms },
  });
  if (!demoCampaign) return;

  const { ideas, startDate, endDate, ...campaignFields } = demoCampaign;
  const campaign = await tx.campaign.create({
    data: {
      ...campaignFields,
      tenantId,
      clientId: client.id,
      status: 'ACTIVE',
      startDate: new Date(startDate),
      endDate: new Date(endDate),
      createdById: ownerId,
    },
  });
  await audit(tx, tenantId, ownerId, campaign.id, {
    action: 'campaign.created',
    entityType: 'campaign',
    data: { name: campaign.name, clientId: client.id, status: campaign.status },
  });
  // The run that wrote the campaign's ideas, so every idea has the generation the feed names.
  const generation = await tx.generation.create({
    data: {
      tenantId,
      campaignId: campaign.id,
      requestedById: ownerId,
      status: 'SUCCEEDED',
      requestedPosts: ideas.filter((idea) => idea.type === 'POST').length,
      requestedReels: ideas.filter((idea) => idea.type === 'REEL').length,
      producedCount: ideas.length,
      platforms: [...new Set(ideas.map((idea) => idea.platform))],
      templateVersions: { system: 'v1', post: 'v1', reel: 'v1' },
      queuedAt: GENERATED_AT,
      startedAt: GENERATED_AT,
      finishedAt: GENERATED_AT,
    },
  });

  const round = await seedReviewRound(tx, tenantId, campaign.id, client, ownerId, ideas);

  for (const [index, demoIdea] of ideas.entries()) {
    const { comments = [], status, ...content } = demoIdea;
    const sentToClient = isSent(status);
    // Spread creation times so lists have a stable, realistic order.
    const createdAt = new Date(GENERATED_AT.getTime() + index * 7 * 60_000);
    const idea = await tx.idea.create({
      data: {
        ...content,
        tenantId,
        campaignId: campaign.id,
        status,
        round: sentToClient ? 1 : 0,
        sentVersion: sentToClient ? 1 : null,
        reviewRoundId: sentToClient ? round?.id : null,
        generationId: generation.id,
        templateVersion: TEMPLATE_VERSION,
        createdAt,
      },
    });
    await tx.ideaRevision.create({
      data: {
        tenantId,
        ideaId: idea.id,
        version: 1,
        snapshot: ideaSnapshot(content),
        shownToClientAt: sentToClient ? createdAt : null,
        createdAt,
      },
    });
    await audit(tx, tenantId, ownerId, idea.id, {
      action: 'idea.generated',
      entityType: 'idea',
      data: { generationId: generation.id, templateVersion: TEMPLATE_VERSION },
    });
    if (status !== 'GENERATED') {
      const actor =
        status.startsWith('CLIENT_') || status === 'CHANGES_REQUESTED'
          ? userIds.get(demo.contact.email)
          : ownerId;
      await audit(tx, tenantId, actor, idea.id, {
        action: 'idea.status_changed',
        entityType: 'idea',
        data: {
          title: idea.title,
          from: sentToClient && status !== 'PENDING_CLIENT' ? 'PENDING_CLIENT' : 'GENERATED',
          to: status,
          version: idea.version,
          round: idea.round,
        },
      });
    }
    for (const comment of comments) {
      await tx.comment.create({
        data: {
          tenantId,
          ideaId: idea.id,
          authorId: userIds.get(comment.by),
          body: comment.body,
          visibility: comment.visibility,
        },
      });
    }
  }
}

/** Whether the client was shown an idea in this status. */
const isSent = (status: DemoIdea['status']) => status !== 'GENERATED' && status !== 'AGENCY_REJECTED';

const DAY_MS = 86_400_000;

/**
 * The round the campaign's sent ideas went out in, the day after they were written: announced,
 * answered once no idea waits, and otherwise owed its first reminder on the client's cadence.
 */
async function seedReviewRound(
  tx: TenantTx,
  tenantId: string,
  campaignId: string,
  client: { id: string; reminderFirstAfterDays: number },
  sentById: string | undefined,
  ideas: DemoIdea[],
) {
  const sent = ideas.filter((idea) => isSent(idea.status));
  if (sent.length === 0) return null;
  const sentAt = new Date(GENERATED_AT.getTime() + DAY_MS);
  const waiting = sent.some((idea) => idea.status === 'PENDING_CLIENT');
  return tx.reviewRound.create({
    data: {
      tenantId,
      campaignId,
      clientId: client.id,
      sentById,
      announcedAt: sentAt,
      answeredAt: waiting ? null : new Date(sentAt.getTime() + DAY_MS),
      nextReminderAt: waiting ? new Date(sentAt.getTime() + client.reminderFirstAfterDays * DAY_MS) : null,
      createdAt: sentAt,
    },
  });
}

/** Records one audit event, checked against the catalog the activity feed reads it with. */
async function audit(
  tx: TenantTx,
  tenantId: string,
  actorId: string | undefined,
  entityId: string,
  event: AuditEvent,
): Promise<void> {
  const { action, entityType, data } = AuditEvent.parse(event);
  await tx.activityEvent.create({ data: { tenantId, actorId, entityType, entityId, action, data } });
}
