import { randomBytes, randomUUID } from 'node:crypto';
import { brandSnapshotOf, CLIENT_VISIBLE_STATUSES, ideaSnapshot } from '@muse/contracts';
import type {
  CampaignStatus,
  Database,
  IdeaStatus,
  Platform,
  Role,
  TenantStatus,
  UserStatus,
} from '@muse/db';
import { mintLocalToken } from '@muse/local-auth';
import { inject } from 'vitest';
import { withBrandLimits } from '../modules/clients/clients.repository.ts';
import { hashSecretToken, newSecretToken } from '../shared/secret-token.ts';
import { ownerOf } from './owner-database.ts';
import { TEST_WEB_ORIGIN } from './test-app.ts';

/** Each test makes its own rows: unique names keep tests independent within one database. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export type TestTenant = Awaited<ReturnType<typeof makeTenant>>;
export type TestUser = Awaited<ReturnType<typeof makeUser>>;
export type TestClient = Awaited<ReturnType<typeof makeClient>>;

/** As the owner: no service login may make a tenant row (the platform's goes through its API). */
export function makeTenant(
  db: Database,
  overrides: { name?: string; status?: TenantStatus; quota?: number } = {},
) {
  const id = randomUUID();
  const name = overrides.name ?? unique('Agency');
  return ownerOf(db).withPlatformTx((tx) =>
    tx.tenant.create({
      data: {
        id,
        name,
        slug: unique('agency'),
        status: overrides.status ?? 'ACTIVE',
        monthlyTokenQuota: overrides.quota ?? 2_000_000,
      },
    }),
  );
}

export function makeClient(
  db: Database,
  tenant: { id: string },
  overrides: { name?: string; platforms?: Platform[]; archived?: boolean } = {},
) {
  return db.withTenantTx(tenant.id, async (tx) => {
    const client = await tx.client.create({
      data: {
        tenantId: tenant.id,
        name: overrides.name ?? unique('Brand'),
        platforms: overrides.platforms ?? ['INSTAGRAM'],
        archivedAt: overrides.archived ? new Date() : null,
      },
    });
    // Version 1 of its brand profile, as the service writes it with every new client.
    await tx.brandProfileVersion.create({
      data: {
        tenantId: tenant.id,
        clientId: client.id,
        number: 1,
        snapshot: brandSnapshotOf(withBrandLimits(client)),
      },
    });
    return client;
  });
}

export interface UserOptions {
  role?: Exclude<Role, 'PLATFORM_ADMIN'>;
  status?: UserStatus;
  client?: { id: string };
  email?: string;
  name?: string;
  /** False: invited, never signed in (no auth subject yet). */
  linked?: boolean;
  /** The sign-in identity, for one person who is a member of several agencies. */
  subject?: string;
}

export function makeUser(db: Database, tenant: { id: string }, options: UserOptions = {}) {
  const role = options.role ?? 'AGENCY_MEMBER';
  const linked = options.linked ?? options.status !== 'INVITED';
  return db.withTenantTx(tenant.id, (tx) =>
    tx.user.create({
      data: {
        tenantId: tenant.id,
        role,
        clientId: role === 'CLIENT' ? (options.client?.id ?? null) : null,
        email: options.email ?? `${unique('user')}@example.test`,
        name: options.name ?? unique('User'),
        status: options.status ?? (linked ? 'ACTIVE' : 'INVITED'),
        authSubject: linked ? (options.subject ?? `test|${randomUUID()}`) : null,
      },
    }),
  );
}

/** As the owner, as makeTenant. */
export function setTenantQuota(db: Database, tenantId: string, monthlyTokenQuota: number) {
  return ownerOf(db).withPlatformTx((tx) =>
    tx.tenant.update({ where: { id: tenantId }, data: { monthlyTokenQuota } }),
  );
}

/** As the owner: the platform login only invites, an active admin is a fixture. */
export function makePlatformAdmin(db: Database) {
  return ownerOf(db).withPlatformTx((tx) =>
    tx.user.create({
      data: {
        role: 'PLATFORM_ADMIN',
        email: `${unique('operator')}@example.test`,
        name: unique('Operator'),
        status: 'ACTIVE',
        authSubject: `test|${randomUUID()}`,
      },
    }),
  );
}

/** An agency with one user per role: the usual cast of a test. */
export async function makeAgency(db: Database, overrides: { status?: TenantStatus } = {}) {
  const tenant = await makeTenant(db, overrides);
  const client = await makeClient(db, tenant);
  return {
    tenant,
    client,
    admin: await makeUser(db, tenant, { role: 'AGENCY_ADMIN' }),
    member: await makeUser(db, tenant, { role: 'AGENCY_MEMBER' }),
    contact: await makeUser(db, tenant, { role: 'CLIENT', client }),
  };
}

export type TestCampaign = Awaited<ReturnType<typeof makeCampaign>>;

/** A campaign that keeps the campaign rules: something to make, on a platform of the default client. */
export function makeCampaign(
  db: Database,
  tenant: { id: string },
  client: { id: string },
  overrides: { name?: string; status?: CampaignStatus; platforms?: Platform[]; createdAt?: Date } = {},
) {
  return db.withTenantTx(tenant.id, (tx) =>
    tx.campaign.create({
      data: {
        tenantId: tenant.id,
        clientId: client.id,
        name: overrides.name ?? unique('Campaign'),
        platforms: overrides.platforms ?? ['INSTAGRAM'],
        numPosts: 3,
        numReels: 1,
        status: overrides.status ?? 'DRAFT',
        ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
      },
    }),
  );
}

export type TestIdea = Awaited<ReturnType<typeof makeIdea>>;

/**
 * An idea with its first revision. One in a status the client has seen was sent once: round 1,
 * and its revision was shown to the client.
 */
export function makeIdea(
  db: Database,
  campaign: { tenantId: string; id: string },
  overrides: {
    status?: IdeaStatus;
    title?: string;
    type?: 'POST' | 'REEL';
    platform?: Platform;
    generationId?: string;
    offlineModel?: boolean;
    createdAt?: Date;
    /** YYYY-MM-DD */
    scheduledFor?: string;
  } = {},
) {
  const status = overrides.status ?? 'GENERATED';
  const sent = CLIENT_VISIBLE_STATUSES.includes(status);
  return db.withTenantTx(campaign.tenantId, async (tx) => {
    const content = {
      title: overrides.title ?? unique('Idea'),
      hook: 'A hook that stops the scroll',
      caption: 'A caption in the brand voice',
      hashtags: ['#muse'],
      callToAction: 'Visit us today',
      visualDirection: overrides.type === 'REEL' ? null : 'A bright flat lay',
    };
    const idea = await tx.idea.create({
      data: {
        ...content,
        tenantId: campaign.tenantId,
        campaignId: campaign.id,
        type: overrides.type ?? 'POST',
        platform: overrides.platform ?? 'INSTAGRAM',
        status,
        round: sent ? 1 : 0,
        sentVersion: sent ? 1 : null,
        templateVersion: 'post/v1',
        generationId: overrides.generationId ?? null,
        offlineModel: overrides.offlineModel ?? false,
        ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
        ...(overrides.scheduledFor ? { scheduledFor: new Date(`${overrides.scheduledFor}T00:00:00Z`) } : {}),
      },
    });
    await tx.ideaRevision.create({
      data: {
        tenantId: campaign.tenantId,
        ideaId: idea.id,
        version: 1,
        snapshot: ideaSnapshot({ ...content, durationSec: null, beats: null, audioSuggestion: null }),
        shownToClientAt: sent ? idea.createdAt : null,
      },
    });
    return idea;
  });
}

/** A review round of the campaign, as sending its ideas opens one; the ideas given join it. */
export function makeReviewRound(
  db: Database,
  campaign: { tenantId: string; id: string; clientId: string },
  ideas: { id: string }[] = [],
) {
  return db.withTenantTx(campaign.tenantId, async (tx) => {
    const round = await tx.reviewRound.create({
      data: { tenantId: campaign.tenantId, campaignId: campaign.id, clientId: campaign.clientId },
    });
    await tx.idea.updateMany({
      where: { id: { in: ideas.map((idea) => idea.id) } },
      data: { reviewRoundId: round.id },
    });
    return round;
  });
}

/** An open brand suggestion for the client: a phrase to never use, from no round in particular. */
export function makeBrandProposal(
  db: Database,
  client: { tenantId: string; id: string },
  overrides: { text?: string; status?: 'open' | 'accepted' | 'dismissed' } = {},
) {
  const text = overrides.text ?? unique('word').toLowerCase();
  return db.withTenantTx(client.tenantId, (tx) =>
    tx.brandProposal.create({
      data: {
        tenantId: client.tenantId,
        clientId: client.id,
        kind: 'never_use',
        text,
        dedupKey: `never_use:${text}`,
        confidence: 0.7,
        evidence: {
          ideaIds: [],
          commentIds: [],
          occurrences: 2,
          lines: ['Cut from 2 drafts before approval'],
        },
        source: 'signal',
        status: overrides.status ?? 'open',
      },
    }),
  );
}

export function makeGeneration(
  db: Database,
  campaign: { tenantId: string; id: string },
  tokens: { prompt: number; completion: number; queuedAt?: Date; model?: string; offline?: boolean },
) {
  return db.withTenantTx(campaign.tenantId, (tx) =>
    tx.generation.create({
      data: {
        tenantId: campaign.tenantId,
        campaignId: campaign.id,
        status: 'SUCCEEDED',
        promptTokens: tokens.prompt,
        completionTokens: tokens.completion,
        model: tokens.model ?? null,
        offline: tokens.offline ?? false,
        ...(tokens.queuedAt ? { queuedAt: tokens.queuedAt } : {}),
      },
    }),
  );
}

export interface TokenOptions {
  /** Claims a verified email (as a first sign-in of an invited user does). */
  email?: string;
  ttlSeconds?: number;
  authorizedParty?: string;
  subject?: string;
}

/** A token as the local sign-in mints it, signed with the key pair the test API trusts. */
export function tokenFor(
  user: { authSubject: string | null } | null,
  options: TokenOptions = {},
): Promise<string> {
  const subject = options.subject ?? user?.authSubject;
  if (!subject) throw new Error('tokenFor needs a linked user or an explicit subject');
  return mintLocalToken(inject('authPrivateKey'), {
    subject,
    authorizedParty: options.authorizedParty ?? TEST_WEB_ORIGIN,
    ...(options.email ? { email: options.email } : {}),
    ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
  });
}

export async function bearer(user: { authSubject: string | null } | null, options?: TokenOptions) {
  return `Bearer ${await tokenFor(user, options)}`;
}

export interface TestReviewLink {
  id: string;
  token: string;
  campaignId: string;
}

/** A review link made as the API makes one (its token hashed), for a campaign of the client. */
export async function makeReviewLink(
  db: Database,
  campaign: { tenantId: string; id: string; clientId: string },
  overrides: { reviewerName?: string; reviewerEmail?: string; expiresAt?: Date; revokedAt?: Date } = {},
): Promise<TestReviewLink> {
  const token = newSecretToken();
  const row = await db.withTenantTx(campaign.tenantId, (tx) =>
    tx.reviewLink.create({
      data: {
        tenantId: campaign.tenantId,
        campaignId: campaign.id,
        clientId: campaign.clientId,
        reviewerName: overrides.reviewerName ?? unique('Reviewer'),
        reviewerEmail: overrides.reviewerEmail ?? null,
        tokenHash: hashSecretToken(token),
        expiresAt: overrides.expiresAt ?? new Date(Date.now() + 86_400_000),
        revokedAt: overrides.revokedAt ?? null,
      },
      select: { id: true },
    }),
  );
  return { id: row.id, token, campaignId: campaign.id };
}
