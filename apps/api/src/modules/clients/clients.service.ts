import {
  type CreateClientBody,
  type ListClientsQuery,
  type Platform,
  touchesBrand,
  type UpdateClientBody,
} from '@muse/contracts';
import type { Database, TenantTx } from '@muse/db';
import { z } from 'zod';
import { AppError, notFound } from '../../http/app-error.ts';
import { changedFields } from '../../shared/changed-fields.ts';
import { decodeKeyCursor, toPageBy } from '../../shared/keyset-page.ts';
import { audit } from '../activity/audit.ts';
import type { Actor, UserActor } from '../auth/actor.ts';
import { audienceOf } from '../auth/audience.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { recordBrandVersion } from './brand-versions.ts';
import { clientsRepository } from './clients.repository.ts';

const NameKeyset = z.tuple([z.string(), z.uuid()]);

/**
 * The client update in the caller's transaction (the client's page, or a brand suggestion being
 * accepted): under the client's lock, 404 for no such client, 409 for a platform still planned for.
 */
export async function updateClient(
  tx: TenantTx,
  tenantId: string,
  actor: UserActor,
  id: string,
  { reason, ...body }: UpdateClientBody,
) {
  await clientsRepository.lock(tx, id, 'update');
  const current = await clientsRepository.findById(tx, id);
  if (!current) throw notFound('Client');
  const { data, fields } = changedFields(current, body);
  if (fields.length === 0) return current;
  if (data.platforms) {
    const next: Platform[] = data.platforms;
    const removed = current.platforms.filter((platform) => !next.includes(platform));
    const using = removed.length > 0 ? await clientsRepository.campaignsUsing(tx, id, removed) : [];
    if (using.length > 0) {
      throw new AppError(
        'conflict',
        `Campaigns still plan for ${removed.join(', ')}: change or archive them first`,
        {
          details: using.map((campaign) => ({
            campaignId: campaign.id,
            name: campaign.name,
            platforms: campaign.platforms.filter((platform) => removed.includes(platform)),
          })),
        },
      );
    }
  }
  const newVersion = touchesBrand(fields);
  const client = await clientsRepository.update(tx, id, {
    ...data,
    ...(newVersion ? { brandVersion: { increment: 1 } } : {}),
  });
  if (newVersion) await recordBrandVersion(tx, tenantId, client, actor, reason ?? null);
  await audit(tx, tenantId, actor, {
    entityId: id,
    action: 'client.updated',
    data: { name: client.name, changedFields: fields },
  });
  return client;
}

export function createClientsService(deps: { db: Database }) {
  const { db } = deps;

  /** Archives or restores, under the client's lock; a client already so is returned as it is, with no event. */
  function setArchived(actor: UserActor, id: string, archived: boolean) {
    const tenantId = tenantScopeOf(actor);
    return db.withTenantTx(tenantId, async (tx) => {
      await clientsRepository.lock(tx, id, 'update');
      const current = await clientsRepository.findById(tx, id);
      if (!current) throw notFound('Client');
      if ((current.archivedAt !== null) === archived) return current;
      const client = await clientsRepository.update(tx, id, { archivedAt: archived ? new Date() : null });
      await audit(tx, tenantId, actor, {
        entityId: id,
        action: archived ? 'client.archived' : 'client.restored',
        data: { name: client.name },
      });
      return client;
    });
  }

  return {
    async list(actor: Actor, query: ListClientsQuery) {
      const cursor = query.cursor ? decodeKeyCursor(query.cursor, NameKeyset) : undefined;
      const rows = await db.withTenantTx(tenantScopeOf(actor), (tx) =>
        clientsRepository.list(tx, {
          q: query.q || undefined,
          includeArchived: query.includeArchived,
          after: cursor && { name: cursor[0], id: cursor[1] },
          limit: query.limit,
        }),
      );
      return toPageBy(rows, query.limit, (row) => [row.name, row.id]);
    },

    /** A client contact reads its own client's profile; any other client is 404 to it. */
    async get(actor: Actor, id: string) {
      const audience = audienceOf(actor);
      if (audience.kind === 'client' && audience.clientId !== id) throw notFound('Client');
      const client = await db.withTenantTx(tenantScopeOf(actor), (tx) => clientsRepository.findById(tx, id));
      if (!client) throw notFound('Client');
      return client;
    },

    async create(actor: UserActor, body: CreateClientBody) {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const client = await clientsRepository.create(tx, {
          ...body,
          tenantId,
          website: body.website ?? null,
        });
        await recordBrandVersion(tx, tenantId, client, actor, null);
        await audit(tx, tenantId, actor, {
          entityId: client.id,
          action: 'client.created',
          data: { name: client.name, platforms: client.platforms },
        });
        return client;
      });
    },

    /**
     * Platforms that campaigns still plan for stay: removing one is 409, naming the campaigns. A
     * change of a brand field makes the next brand profile version, with the body's reason.
     */
    update: (actor: UserActor, id: string, body: UpdateClientBody) => {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, (tx) => updateClient(tx, tenantId, actor, id, body));
    },

    /** The client keeps its campaigns and ideas, and gets no new campaigns; archiving twice changes nothing. */
    archive: (actor: UserActor, id: string) => setArchived(actor, id, true),

    /** The undo of archive: campaigns can be created for the client again; restoring an active client changes nothing. */
    restore: (actor: UserActor, id: string) => setArchived(actor, id, false),
  };
}

export type ClientsService = ReturnType<typeof createClientsService>;
