import {
  ActivityEvent,
  type ActivityQuery,
  AuthSession,
  type BulkStatusBody,
  Campaign,
  Client,
  Comment,
  type CreateCampaignBody,
  type CreateClientBody,
  type CreateCommentBody,
  CreatedTenant,
  type CreateTenantBody,
  GenerateResponse,
  Generation,
  Idea,
  IdeaRevision,
  type InviteUserBody,
  type ListCampaignsQuery,
  type ListIdeasQuery,
  type ListTenantsQuery,
  type ListUsersQuery,
  Me,
  MyWorkspaces,
  pageOf,
  Tenant,
  type UpdateCampaignBody,
  type UpdateClientBody,
  type UpdateIdeaBody,
  type UpdateTenantBody,
  type UpdateUserBody,
  Usage,
  User,
  Workspace,
} from '@muse/contracts';
import { z } from 'zod';
import { call, type Transport } from './http';

/** A list answered either as a page or as a plain array. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item), pageOf(item)]).transform((value) => (Array.isArray(value) ? value : value.items));

const anything = z.unknown();

/** Every API route the web app uses, typed by the shared contracts. Works with any transport. */
export function createApi(transport: Transport) {
  const get = <S extends z.ZodType>(
    path: string,
    schema: S,
    query?: Record<string, string | number | boolean | undefined>,
  ) => call(transport, path, { schema, query });
  const send = <S extends z.ZodType>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    schema: S,
    body?: unknown,
    headers?: Record<string, string>,
  ) => call(transport, path, { method, schema, body, headers });

  /** Follows cursors until the list is complete (boards show every idea of a campaign). */
  async function all<T>(path: string, item: z.ZodType<T>, query: Record<string, string | undefined> = {}) {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await get(path, pageOf(item), { ...query, limit: 100, cursor });
      items.push(...(page.items as T[]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  return {
    me: () => get('/api/me', Me),
    workspaces: () => get('/api/me/workspaces', MyWorkspaces),
    acceptInvitation: (id: string) => send('POST', `/api/me/invitations/${id}/accept`, Workspace),
    sessions: {
      open: () => send('POST', '/api/sessions', AuthSession),
      endCurrent: () => send('DELETE', '/api/sessions/current', z.null()),
    },
    tenants: {
      list: (query: Partial<ListTenantsQuery> = {}) =>
        all('/api/admin/tenants', Tenant, { status: query.status, q: query.q }),
      create: (body: CreateTenantBody) => send('POST', '/api/admin/tenants', CreatedTenant, body),
      update: (id: string, body: UpdateTenantBody) => send('PATCH', `/api/admin/tenants/${id}`, Tenant, body),
    },
    users: {
      list: (query: Partial<ListUsersQuery> = {}) =>
        all('/api/users', User, { role: query.role, status: query.status, clientId: query.clientId }),
      invite: (body: InviteUserBody) => send('POST', '/api/users/invitations', User, body),
      update: (id: string, body: UpdateUserBody) => send('PATCH', `/api/users/${id}`, User, body),
    },
    clients: {
      list: (query: { q?: string; includeArchived?: boolean } = {}) =>
        all('/api/clients', Client, {
          q: query.q,
          includeArchived: query.includeArchived ? 'true' : undefined,
        }),
      get: (id: string) => get(`/api/clients/${id}`, Client),
      create: (body: z.input<typeof CreateClientBody>) => send('POST', '/api/clients', Client, body),
      update: (id: string, body: UpdateClientBody) => send('PATCH', `/api/clients/${id}`, Client, body),
      archive: (id: string) => send('DELETE', `/api/clients/${id}`, Client),
      restore: (id: string) => send('POST', `/api/clients/${id}/restore`, Client),
    },
    campaigns: {
      list: (query: Partial<Pick<ListCampaignsQuery, 'clientId' | 'status'>> = {}) =>
        all('/api/campaigns', Campaign, { clientId: query.clientId, status: query.status }),
      get: (id: string) => get(`/api/campaigns/${id}`, Campaign),
      create: (body: z.input<typeof CreateCampaignBody>) => send('POST', '/api/campaigns', Campaign, body),
      update: (id: string, body: UpdateCampaignBody) => send('PATCH', `/api/campaigns/${id}`, Campaign, body),
      archive: (id: string) => send('DELETE', `/api/campaigns/${id}`, anything),
      generate: (
        id: string,
        body: { numPosts?: number; numReels?: number; platforms?: string[]; instructions?: string },
        idempotencyKey: string,
      ) =>
        send('POST', `/api/campaigns/${id}/generate`, GenerateResponse, body, {
          'idempotency-key': idempotencyKey,
        }),
      ideas: (id: string, query: Partial<Pick<ListIdeasQuery, 'status' | 'type' | 'platform'>> = {}) =>
        all(`/api/campaigns/${id}/ideas`, Idea, {
          status: query.status,
          type: query.type,
          platform: query.platform,
        }),
      /** The CSV needs the Bearer token, so it is fetched rather than linked. */
      csv: async (id: string) => {
        const response = await transport(`/api/campaigns/${id}/ideas.csv`, {
          headers: { accept: 'text/csv' },
        });
        if (!response.ok) throw new Error(`export failed (${response.status})`);
        return response.blob();
      },
    },
    generations: {
      get: (id: string) => get(`/api/generations/${id}`, Generation),
    },
    ideas: {
      get: (id: string) => get(`/api/ideas/${id}`, Idea),
      update: (id: string, body: UpdateIdeaBody) => send('PATCH', `/api/ideas/${id}`, Idea, body),
      bulkStatus: (body: BulkStatusBody) => send('POST', '/api/ideas/bulk-status', anything, body),
      regenerate: (id: string, body: { instructions?: string }) =>
        send('POST', `/api/ideas/${id}/regenerate`, GenerateResponse, body),
      revisions: (id: string) => get(`/api/ideas/${id}/revisions`, listOf(IdeaRevision), { limit: 100 }),
      comments: (id: string) => get(`/api/ideas/${id}/comments`, listOf(Comment), { limit: 100 }),
      comment: (id: string, body: CreateCommentBody) =>
        send('POST', `/api/ideas/${id}/comments`, Comment, body),
    },
    activity: (query: Partial<Pick<ActivityQuery, 'entityType' | 'entityId'>> & { limit?: number } = {}) =>
      get('/api/activity', pageOf(ActivityEvent), { ...query, limit: query.limit ?? 20 }),
    usage: () => get('/api/usage', Usage),
  };
}

export type Api = ReturnType<typeof createApi>;
