import {
  activityRoutes,
  analyticsRoutes,
  brandingRoutes,
  brandProposalRoutes,
  brandVersionRoutes,
  calendarRoutes,
  campaignRoutes,
  clientRoutes,
  generationRoutes,
  ideaRoutes,
  liveRoutes,
  meRoutes,
  notificationsRoutes,
  operationsRoutes,
  type RouteContract,
  reviewActionRoutes,
  reviewLinkRoutes,
  reviewRoutes,
  tenantRoutes,
  userRoutes,
} from '@muse/contracts';
import type { z } from 'zod';

/**
 * Valid values for the parts of a request that name no resource, so the authorization matrix and
 * the resilience suite reach the rules they test. Path parameters that name tenant data come from
 * the route's `resources` instead, body ids from its `bodyResources`.
 */
export interface RouteSample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

type Body<C extends RouteContract> = C['body'] extends z.ZodType ? z.input<C['body']> : never;

const samples = new Map<RouteContract, RouteSample>();

function sample<C extends RouteContract>(
  contract: C,
  values: { params?: Record<string, string>; query?: Record<string, string>; body?: Body<C> },
): void {
  samples.set(contract, values);
}

/** Stands in for a body id; the matrix and the suite replace it with a real one. */
const SOME_ID = '00000000-0000-4000-8000-000000000000';

// A token no one signed: the stream refuses it whoever presents it.
sample(liveRoutes.stream, { query: { token: 'not-a-stream-token' } });
// A secret no feed has: refused whoever presents it.
sample(calendarRoutes.ics, { query: { token: 'a'.repeat(43) } });
sample(calendarRoutes.view, {
  query: { from: '2027-03-01', to: '2027-03-31', platform: 'INSTAGRAM', status: 'CLIENT_APPROVED' },
});
sample(operationsRoutes.docsAsset, { params: { asset: 'docs.js' } });
// Whose invitation it is, is the identity's verified email: me.int.test.ts tries others'.
sample(meRoutes.acceptInvitation, { params: { id: SOME_ID } });
sample(tenantRoutes.create, {
  body: {
    name: 'Harbour Lights Media',
    slug: 'harbour-lights-media',
    monthlyTokenQuota: 1_000_000,
    admin: { email: 'lead@harbour-lights.example', name: 'Robin Vale' },
  },
});
sample(tenantRoutes.update, { body: { monthlyTokenQuota: 1_500_000 } });
sample(userRoutes.invite, {
  body: { email: 'new.colleague@agency.example', name: 'New Colleague', role: 'AGENCY_MEMBER' },
});
sample(userRoutes.update, { body: { name: 'Renamed Colleague' } });
sample(clientRoutes.list, { query: { q: 'a', includeArchived: 'true' } });
sample(clientRoutes.create, {
  body: {
    name: 'Harbour Bakery',
    industry: 'Neighbourhood bakery',
    website: 'https://harbour-bakery.example',
    brandVoice: 'Warm and unhurried, like the smell of bread at six in the morning.',
    toneKeywords: ['warm', 'honest'],
    targetAudience: 'Early risers in the harbour district',
    doList: ['name the baker'],
    dontList: ['cheap'],
    defaultHashtags: ['#HarbourBakery'],
    platforms: ['INSTAGRAM', 'FACEBOOK'],
  },
});
sample(clientRoutes.update, {
  body: { brandVoice: 'Warm, curious and a little nerdy.', reason: 'The client asked for more warmth' },
});
sample(brandVersionRoutes.list, { query: { limit: '10' } });
sample(brandProposalRoutes.list, { query: { status: 'open' } });
sample(brandProposalRoutes.accept, { body: { reason: 'The client has said so twice' } });
sample(brandProposalRoutes.dismiss, {});
sample(campaignRoutes.list, { query: { status: 'DRAFT', limit: '10' } });
sample(campaignRoutes.create, {
  body: {
    clientId: SOME_ID,
    name: 'Spring Menu Launch',
    objective: 'Fill the cafés on the first warm weekend',
    brief: 'Three new cold drinks, one free tasting per table.',
    keyMessages: ['Three new cold drinks'],
    themes: ['spring'],
    platforms: ['INSTAGRAM'],
    startDate: '2027-03-01',
    endDate: '2027-03-31',
    numPosts: 4,
    numReels: 1,
  },
});
sample(campaignRoutes.update, { body: { name: 'Spring Menu Launch, extended', status: 'ACTIVE' } });
sample(ideaRoutes.listForCampaign, { query: { type: 'POST', limit: '50' } });
// Asks for changes on an idea that already awaits them: every caller reaches the workflow's 409.
sample(ideaRoutes.update, {
  body: { version: 1, status: 'CHANGES_REQUESTED', comment: 'Use cups as well as grams' },
});
sample(ideaRoutes.bulkStatus, { body: { ids: [SOME_ID], status: 'CLIENT_APPROVED' } });
sample(ideaRoutes.createComment, {
  body: { body: 'Love the hook: can the caption name the tasting flight?' },
});
sample(activityRoutes.list, { query: { entityType: 'idea', limit: '20' } });
sample(analyticsRoutes.approvals, { query: { from: '2026-11-01', to: '2026-11-30' } });
sample(analyticsRoutes.approvalsCsv, { query: { from: '2026-11-01', to: '2026-11-30', table: 'clients' } });
sample(generationRoutes.generate, { body: { numPosts: 2, numReels: 1, platforms: ['INSTAGRAM'] } });
sample(generationRoutes.regenerate, { body: { instructions: 'Make it warmer and shorter' } });

sample(reviewLinkRoutes.create, {
  body: { reviewerName: 'Dana Whitfield', reviewerEmail: 'dana@harbour-bakery.example', expiresInDays: 7 },
});
sample(reviewLinkRoutes.reissue, { body: { expiresInDays: 14 } });
sample(reviewRoutes.answer, { body: { version: 1, status: 'CLIENT_APPROVED' } });
sample(reviewRoutes.bulkStatus, { body: { ids: [SOME_ID], status: 'CLIENT_APPROVED' } });
sample(reviewRoutes.createComment, { body: { body: 'Could the hook mention the Saturday tasting?' } });

/** The sample of a route's contract; none for a route whose request needs nothing but its resources. */
export function sampleOf(contract: RouteContract): RouteSample | undefined {
  return samples.get(contract);
}

/** Every contract that has a sample: each must be a route of the app, or its sample is stale. */
export function sampledContracts(): RouteContract[] {
  return [...samples.keys()];
}
sample(brandingRoutes.update, { body: { logoUrl: 'https://cdn.example.test/logo.png' } });
sample(notificationsRoutes.markRead, { body: { all: true } });
sample(notificationsRoutes.updatePreferences, {
  body: { preferences: [{ kind: 'COMMENT', delivery: 'DIGEST' }] },
});
sample(notificationsRoutes.unsubscribe, { body: { token: 'not-a-signed-link' } });
sample(reviewActionRoutes.open, { body: { token: 'not-a-signed-link' } });
sample(reviewActionRoutes.answer, { body: { token: 'not-a-signed-link', comment: 'Warmer, please' } });
