import { ideaSnapshot } from '@muse/contracts';
import { localSubject } from '@muse/local-auth';
import type { Database, TenantTx } from '../client.ts';
import { DEMO_TENANTS, type DemoClient, type DemoTenant, PLATFORM_ADMIN } from './demo-data.ts';

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
  const { contact, campaign: demoCampaign, ...profile } = demo;
  const client = await tx.client.create({ data: { ...profile, tenantId } });
  await addUser(contact.email, contact.name, 'CLIENT', client.id);
  await tx.activityEvent.create({
    data: { tenantId, actorId: ownerId, entityType: 'client', entityId: client.id, action: 'client.created' },
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
  await tx.activityEvent.create({
    data: {
      tenantId,
      actorId: ownerId,
      entityType: 'campaign',
      entityId: campaign.id,
      action: 'campaign.created',
    },
  });

  for (const [index, demoIdea] of ideas.entries()) {
    const { comments = [], status, ...content } = demoIdea;
    const sentToClient = status !== 'GENERATED' && status !== 'AGENCY_REJECTED';
    // Spread creation times so lists have a stable, realistic order.
    const createdAt = new Date(Date.UTC(2026, 9, 1, 9, index * 7));
    const idea = await tx.idea.create({
      data: {
        ...content,
        tenantId,
        campaignId: campaign.id,
        status,
        round: sentToClient ? 1 : 0,
        templateVersion: 'post@v1',
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
    await tx.activityEvent.create({
      data: { tenantId, actorId: ownerId, entityType: 'idea', entityId: idea.id, action: 'idea.generated' },
    });
    if (status !== 'GENERATED') {
      const actor =
        status.startsWith('CLIENT_') || status === 'CHANGES_REQUESTED'
          ? userIds.get(demo.contact.email)
          : ownerId;
      await tx.activityEvent.create({
        data: {
          tenantId,
          actorId: actor,
          entityType: 'idea',
          entityId: idea.id,
          action: 'idea.status_changed',
          data: {
            from: sentToClient && status !== 'PENDING_CLIENT' ? 'PENDING_CLIENT' : 'GENERATED',
            to: status,
          },
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
