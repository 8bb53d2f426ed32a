import {
  activityRoutes,
  analyticsRoutes,
  brandingRoutes,
  brandProposalRoutes,
  brandVersionRoutes,
  calendarRoutes,
  callRoute,
  campaignRoutes,
  clientRoutes,
  generationRoutes,
  ideaRoutes,
  liveRoutes,
  meRoutes,
  notificationsRoutes,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
  reviewActionRoutes,
  reviewLinkRoutes,
  reviewRoundRoutes,
  reviewRoutes,
  sendRoute,
  sessionsRoutes,
  type Transport,
  tenantRoutes,
  usageRoutes,
  userRoutes,
} from '@muse/contracts';
import type { z } from 'zod';

type Query<C extends RouteContract> = C extends { query: z.ZodType } ? Partial<z.input<C['query']>> : never;
type Body<C extends RouteContract> = RouteInput<C>['body'];
/** The items of a route that answers one page of a list. */
type ItemsOf<C extends RouteContract> = RouteOutput<C> extends { items: (infer T)[] } ? T[] : never;
type Page = { items: unknown[]; nextCursor?: string | null };

/** Every API route the web app uses, derived from the shared contracts. Works with any transport. */
export function createApi(transport: Transport) {
  const call = <C extends RouteContract>(contract: C, input: RouteInput<C>) =>
    callRoute(transport, contract, input);

  /** The items of the first page: lists short enough to show whole. */
  const itemsOf = async <C extends RouteContract>(contract: C, input: RouteInput<C>) =>
    ((await call(contract, input)) as Page).items as ItemsOf<C>;

  /** Follows cursors until the list is complete (boards show every idea of a campaign). */
  async function all<C extends RouteContract>(contract: C, input: RouteInput<C>): Promise<ItemsOf<C>> {
    const items: unknown[] = [];
    let cursor: string | undefined;
    do {
      const query = { ...(input.query as Record<string, unknown> | undefined), limit: 100, cursor };
      const page = (await call(contract, { ...input, query })) as Page;
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items as ItemsOf<C>;
  }

  return {
    me: () => call(meRoutes.get, {}),
    workspaces: () => call(meRoutes.workspaces, {}),
    acceptInvitation: (id: string) => call(meRoutes.acceptInvitation, { params: { id } }),
    sessions: {
      open: () => call(sessionsRoutes.open, {}),
      endCurrent: () => call(sessionsRoutes.endCurrent, {}),
    },
    tenants: {
      list: (query: Query<typeof tenantRoutes.list> = {}) => all(tenantRoutes.list, { query }),
      create: (body: Body<typeof tenantRoutes.create>) => call(tenantRoutes.create, { body }),
      update: (id: string, body: Body<typeof tenantRoutes.update>) =>
        call(tenantRoutes.update, { params: { id }, body }),
    },
    users: {
      list: (query: Query<typeof userRoutes.list> = {}) => all(userRoutes.list, { query }),
      invite: (body: Body<typeof userRoutes.invite>) => call(userRoutes.invite, { body }),
      update: (id: string, body: Body<typeof userRoutes.update>) =>
        call(userRoutes.update, { params: { id }, body }),
    },
    clients: {
      list: ({ q, includeArchived }: { q?: string; includeArchived?: boolean } = {}) =>
        all(clientRoutes.list, { query: { q, includeArchived: includeArchived ? 'true' : undefined } }),
      get: (id: string) => call(clientRoutes.get, { params: { id } }),
      create: (body: Body<typeof clientRoutes.create>) => call(clientRoutes.create, { body }),
      update: (id: string, body: Body<typeof clientRoutes.update>) =>
        call(clientRoutes.update, { params: { id }, body }),
      archive: (id: string) => call(clientRoutes.archive, { params: { id } }),
      restore: (id: string) => call(clientRoutes.restore, { params: { id } }),
      brandVersions: (id: string) => all(brandVersionRoutes.list, { params: { id } }),
      brandProposals: (id: string) => itemsOf(brandProposalRoutes.list, { params: { id }, query: {} }),
      acceptBrandProposal: (id: string, proposalId: string, body: Body<typeof brandProposalRoutes.accept>) =>
        call(brandProposalRoutes.accept, { params: { id, proposalId }, body }),
      dismissBrandProposal: (id: string, proposalId: string) =>
        call(brandProposalRoutes.dismiss, { params: { id, proposalId } }),
    },
    campaigns: {
      list: (query: Pick<Query<typeof campaignRoutes.list>, 'clientId' | 'status'> = {}) =>
        all(campaignRoutes.list, { query }),
      get: (id: string) => call(campaignRoutes.get, { params: { id } }),
      create: (body: Body<typeof campaignRoutes.create>) => call(campaignRoutes.create, { body }),
      update: (id: string, body: Body<typeof campaignRoutes.update>) =>
        call(campaignRoutes.update, { params: { id }, body }),
      archive: (id: string) => call(campaignRoutes.archive, { params: { id } }),
      generate: (id: string, body: Body<typeof generationRoutes.generate>, idempotencyKey: string) =>
        call(generationRoutes.generate, {
          params: { id },
          body,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      ideas: (
        id: string,
        query: Pick<Query<typeof ideaRoutes.listForCampaign>, 'status' | 'type' | 'platform'> = {},
      ) => all(ideaRoutes.listForCampaign, { params: { id }, query }),
      /** The CSV needs the Bearer token, so it is fetched rather than linked. */
      csv: async (id: string) =>
        (await sendRoute(transport, ideaRoutes.exportCsv, { params: { id } })).blob(),
      reviewRounds: async (id: string) =>
        (await call(reviewRoundRoutes.listForCampaign, { params: { id } })).items,
    },
    reviewRounds: {
      remind: (id: string) => call(reviewRoundRoutes.remind, { params: { id } }),
    },
    generations: {
      get: (id: string) => call(generationRoutes.get, { params: { id } }),
    },
    ideas: {
      get: (id: string) => call(ideaRoutes.get, { params: { id } }),
      check: (id: string) => call(ideaRoutes.check, { params: { id } }),
      update: (id: string, body: Body<typeof ideaRoutes.update>) =>
        call(ideaRoutes.update, { params: { id }, body }),
      bulkStatus: (body: Body<typeof ideaRoutes.bulkStatus>) => call(ideaRoutes.bulkStatus, { body }),
      regenerate: (id: string, body: Body<typeof generationRoutes.regenerate>) =>
        call(generationRoutes.regenerate, { params: { id }, body }),
      revisions: (id: string) => itemsOf(ideaRoutes.revisions, { params: { id }, query: { limit: 100 } }),
      decisions: (id: string) => call(ideaRoutes.decisions, { params: { id } }),
      comments: (id: string) => itemsOf(ideaRoutes.listComments, { params: { id }, query: { limit: 100 } }),
      comment: (id: string, body: Body<typeof ideaRoutes.createComment>) =>
        call(ideaRoutes.createComment, { params: { id }, body }),
    },
    reviewLinks: {
      list: (campaignId: string) => itemsOf(reviewLinkRoutes.list, { params: { id: campaignId } }),
      create: (campaignId: string, body: Body<typeof reviewLinkRoutes.create>) =>
        call(reviewLinkRoutes.create, { params: { id: campaignId }, body }),
      revoke: (id: string) => call(reviewLinkRoutes.revoke, { params: { id } }),
      reissue: (id: string, body: Body<typeof reviewLinkRoutes.reissue>) =>
        call(reviewLinkRoutes.reissue, { params: { id }, body }),
    },
    /** The calls of a review link's holder (with the review-link transport). */
    review: {
      session: () => call(reviewRoutes.session, {}),
      ideas: () => all(reviewRoutes.listIdeas, {}),
      answer: (id: string, body: Body<typeof reviewRoutes.answer>) =>
        call(reviewRoutes.answer, { params: { id }, body }),
      bulkStatus: (body: Body<typeof reviewRoutes.bulkStatus>) => call(reviewRoutes.bulkStatus, { body }),
      revisions: (id: string) => itemsOf(reviewRoutes.revisions, { params: { id }, query: { limit: 100 } }),
      decisions: (id: string) => call(reviewRoutes.decisions, { params: { id } }),
      comments: (id: string) => itemsOf(reviewRoutes.listComments, { params: { id }, query: { limit: 100 } }),
      comment: (id: string, body: Body<typeof reviewRoutes.createComment>) =>
        call(reviewRoutes.createComment, { params: { id }, body }),
    },
    activity: ({
      limit = 20,
      ...filters
    }: Pick<Query<typeof activityRoutes.list>, 'entityType' | 'entityId' | 'limit'> = {}) =>
      call(activityRoutes.list, { query: { ...filters, limit } }),
    usage: () => call(usageRoutes.get, {}),
    generationAllowance: () => call(usageRoutes.allowance, {}),
    analytics: {
      approvals: (query: Query<typeof analyticsRoutes.approvals>) =>
        call(analyticsRoutes.approvals, { query }),
      /** The CSV needs the Bearer token, so it is fetched rather than linked. */
      csv: async (query: z.input<typeof analyticsRoutes.approvalsCsv.query>) =>
        (await sendRoute(transport, analyticsRoutes.approvalsCsv, { query })).blob(),
    },
    branding: {
      get: () => call(brandingRoutes.get, {}),
      update: (body: Body<typeof brandingRoutes.update>) => call(brandingRoutes.update, { body }),
    },
    reviewActions: {
      open: (token: string) => call(reviewActionRoutes.open, { body: { token } }),
      answer: (body: Body<typeof reviewActionRoutes.answer>) => call(reviewActionRoutes.answer, { body }),
    },
    /** What opens the live stream: the signed-in user's, or (with the review-link transport) the link's. */
    live: {
      token: () => call(liveRoutes.token, {}),
      reviewToken: () => call(liveRoutes.reviewToken, {}),
    },
    calendar: {
      view: (query: RouteInput<typeof calendarRoutes.view>['query']) => call(calendarRoutes.view, { query }),
      feed: () => call(calendarRoutes.feed, {}),
      rotateFeed: () => call(calendarRoutes.rotateFeed, {}),
    },
    notifications: {
      list: (query: Query<typeof notificationsRoutes.list> = {}) => call(notificationsRoutes.list, { query }),
      markRead: (body: Body<typeof notificationsRoutes.markRead>) =>
        call(notificationsRoutes.markRead, { body }),
      preferences: () => call(notificationsRoutes.preferences, {}),
      updatePreferences: (body: Body<typeof notificationsRoutes.updatePreferences>) =>
        call(notificationsRoutes.updatePreferences, { body }),
      unsubscribe: (token: string) => call(notificationsRoutes.unsubscribe, { body: { token } }),
    },
  };
}

export type Api = ReturnType<typeof createApi>;
