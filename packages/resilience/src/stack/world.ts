import { randomBytes, randomUUID } from 'node:crypto';
import { ideaSnapshot } from '@muse/contracts';
import { createDatabase, type Database, type Role, type TenantStatus, type UserStatus } from '@muse/db';

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

type AgencyRole = Exclude<Role, 'PLATFORM_ADMIN'>;

async function makeTenant(db: Database, status: TenantStatus) {
  const id = randomUUID();
  return db.withTenantTx(id, (tx) =>
    tx.tenant.create({ data: { id, name: unique('Agency'), slug: unique('agency'), status } }),
  );
}

function makeUser(
  db: Database,
  tenantId: string,
  role: AgencyRole,
  options: { clientId?: string; status?: UserStatus } = {},
) {
  return db.withTenantTx(tenantId, (tx) =>
    tx.user.create({
      data: {
        tenantId,
        role,
        clientId: options.clientId ?? null,
        email: `${unique(role.toLowerCase())}@resilience.test`,
        name: unique('User'),
        status: options.status ?? 'ACTIVE',
        authSubject: `resilience|${randomUUID()}`,
      },
    }),
  );
}

/**
 * An agency with a client, an active campaign with one idea, one finished generation and one review
 * round, and one user per role.
 */
async function makeAgency(db: Database, status: TenantStatus = 'ACTIVE') {
  const tenant = await makeTenant(db, status);
  const tenantId = tenant.id;
  const client = await db.withTenantTx(tenantId, (tx) =>
    tx.client.create({
      data: {
        tenantId,
        name: unique('Brand'),
        brandVoice: 'Warm and plain-spoken',
        platforms: ['INSTAGRAM'],
      },
    }),
  );
  const admin = await makeUser(db, tenantId, 'AGENCY_ADMIN');
  const member = await makeUser(db, tenantId, 'AGENCY_MEMBER');
  const contact = await makeUser(db, tenantId, 'CLIENT', { clientId: client.id });
  const campaign = await db.withTenantTx(tenantId, (tx) =>
    tx.campaign.create({
      data: {
        tenantId,
        clientId: client.id,
        name: unique('Campaign'),
        brief: 'Launch the oat latte in all twelve cafés.',
        themes: ['slow mornings', 'local farms'],
        platforms: ['INSTAGRAM'],
        status: 'ACTIVE',
        createdById: admin.id,
      },
    }),
  );
  const idea = await db.withTenantTx(tenantId, async (tx) => {
    const content = {
      title: unique('Idea'),
      hook: 'A hook that stops the scroll',
      caption: 'A caption in the brand voice',
      hashtags: ['#muse'],
      callToAction: 'Visit us today',
      visualDirection: 'A bright flat lay',
    };
    const created = await tx.idea.create({
      data: {
        ...content,
        tenantId,
        campaignId: campaign.id,
        type: 'POST',
        platform: 'INSTAGRAM',
        status: 'GENERATED',
        templateVersion: 'post/v1',
      },
    });
    await tx.ideaRevision.create({
      data: {
        tenantId,
        ideaId: created.id,
        version: 1,
        snapshot: ideaSnapshot({ ...content, durationSec: null, beats: null, audioSuggestion: null }),
      },
    });
    return created;
  });
  const generation = await db.withTenantTx(tenantId, (tx) =>
    tx.generation.create({
      data: { tenantId, campaignId: campaign.id, status: 'SUCCEEDED', requestedById: admin.id },
    }),
  );
  const reviewRound = await db.withTenantTx(tenantId, (tx) =>
    tx.reviewRound.create({
      data: { tenantId, campaignId: campaign.id, clientId: client.id, sentById: admin.id },
    }),
  );
  // A review link for the agency's routes about links; no one holds a token of its hash.
  const reviewLink = await db.withTenantTx(tenantId, (tx) =>
    tx.reviewLink.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        clientId: client.id,
        reviewerName: 'Resilience Reviewer',
        tokenHash: randomBytes(32).toString('hex'),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    }),
  );
  // An open brand suggestion for the agency's decision routes.
  const brandProposal = await db.withTenantTx(tenantId, (tx) =>
    tx.brandProposal.create({
      data: {
        tenantId,
        clientId: client.id,
        kind: 'never_use',
        text: 'resilient',
        dedupKey: 'never_use:resilient',
        confidence: 0.5,
        evidence: { ideaIds: [], commentIds: [], occurrences: 2, lines: [] },
        source: 'signal',
      },
    }),
  );
  return {
    tenant,
    client,
    admin,
    member,
    contact,
    campaign,
    idea,
    generation,
    reviewRound,
    reviewLink,
    brandProposal,
  };
}

export type Agency = Awaited<ReturnType<typeof makeAgency>>;

/**
 * The rows every item works on, made through the application role (row-level security applies):
 * agency A (the one under test), agency B (for isolation), a disabled user and a suspended
 * agency (for the token attacks), and a platform admin.
 */
export async function makeWorld(databaseUrl: string) {
  const db = createDatabase({ url: databaseUrl, poolSize: 2 });
  try {
    const a = await makeAgency(db);
    const b = await makeAgency(db);
    const suspended = await makeAgency(db, 'SUSPENDED');
    const disabled = await makeUser(db, a.tenant.id, 'AGENCY_ADMIN', { status: 'DISABLED' });
    const platformAdmin = await db.withPlatformTx((tx) =>
      tx.user.create({
        data: {
          role: 'PLATFORM_ADMIN',
          email: `${unique('operator')}@resilience.test`,
          name: unique('Operator'),
          status: 'ACTIVE',
          authSubject: `resilience|${randomUUID()}`,
        },
      }),
    );
    return { a, b, suspended, disabled, platformAdmin };
  } finally {
    await db.disconnect();
  }
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** The user of agency A (or the platform admin) acting in `role`. */
export function actorOf(world: World, role: Role) {
  const byRole = {
    PLATFORM_ADMIN: world.platformAdmin,
    AGENCY_ADMIN: world.a.admin,
    AGENCY_MEMBER: world.a.member,
    CLIENT: world.a.contact,
  } satisfies Record<Role, unknown>;
  return byRole[role];
}
