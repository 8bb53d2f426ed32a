import {
  CLIENT_VISIBLE_STATUSES,
  type CreateCampaignBody,
  type ListCampaignsQuery,
  type UpdateCampaignBody,
} from '@muse/contracts';
import type { Database, TenantTx } from '@muse/db';
import { AppError, notFound } from '../../http/app-error.ts';
import { fromCalendarDate, toCalendarDate } from '../../shared/calendar-date.ts';
import { changedFields } from '../../shared/changed-fields.ts';
import { decodeCursor, toPage } from '../../shared/keyset-page.ts';
import { audit } from '../activity/audit.ts';
import type { Actor, UserActor } from '../auth/actor.ts';
import { type Audience, audienceOf } from '../auth/audience.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { readAs } from '../auth/tenant-read.ts';
import { clientsRepository } from '../clients/clients.repository.ts';
import { toCampaign } from './campaigns.presenter.ts';
import { type CampaignRow, campaignsRepository } from './campaigns.repository.ts';
import { checkCampaignPlan } from './campaigns.rules.ts';

/** A client contact counts only the ideas it may see. */
const countedStatuses = (audience: Audience) =>
  audience.kind === 'client' ? CLIENT_VISIBLE_STATUSES : undefined;

const clientOf = (audience: Audience) => (audience.kind === 'client' ? audience.clientId : undefined);

async function withCounts(tx: TenantTx, rows: CampaignRow[], audience: Audience) {
  const counts = await campaignsRepository.ideaCounts(
    tx,
    rows.map((row) => row.id),
    countedStatuses(audience),
  );
  return rows.map((row) => toCampaign(row, counts.get(row.id)));
}

async function present(tx: TenantTx, row: CampaignRow, audience: Audience) {
  const counts = await campaignsRepository.ideaCounts(tx, [row.id], countedStatuses(audience));
  return toCampaign(row, counts.get(row.id));
}

const AGENCY: Audience = { kind: 'agency' };

/** The campaign's client, held until the transaction ends so its platforms and archive state stay as checked. */
async function lockedClient(tx: TenantTx, clientId: string) {
  await clientsRepository.lock(tx, clientId, 'share');
  const client = await clientsRepository.findById(tx, clientId);
  if (!client) throw notFound('Client');
  return client;
}

const archivedClient = () =>
  new AppError('conflict', 'The client is archived: it gets no new campaigns', {
    details: [{ reason: 'client_archived' }],
  });

export function createCampaignsService(deps: { db: Database }) {
  const { db } = deps;

  return {
    async list(actor: Actor, query: ListCampaignsQuery) {
      const audience = audienceOf(actor);
      const own = clientOf(audience);
      if (own && query.clientId && query.clientId !== own) return { items: [], nextCursor: null };
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      return readAs(db, actor, async (tx) => {
        const rows = await campaignsRepository.list(tx, {
          clientId: own ?? query.clientId,
          status: query.status,
          after,
          limit: query.limit,
        });
        const { items, nextCursor } = toPage(rows, query.limit);
        return { items: await withCounts(tx, items, audience), nextCursor };
      });
    },

    async get(actor: Actor, id: string) {
      const audience = audienceOf(actor);
      return readAs(db, actor, async (tx) => {
        const row = await campaignsRepository.findById(tx, id, clientOf(audience));
        if (!row) throw notFound('Campaign');
        return present(tx, row, audience);
      });
    },

    async create(actor: UserActor, body: CreateCampaignBody) {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const client = await lockedClient(tx, body.clientId);
        if (client.archivedAt) throw archivedClient();
        checkCampaignPlan(body, client);
        const row = await campaignsRepository.create(tx, {
          ...body,
          tenantId,
          startDate: fromCalendarDate(body.startDate),
          endDate: fromCalendarDate(body.endDate),
          reviewBy: fromCalendarDate(body.reviewBy),
          createdById: actor.userId,
        });
        await audit(tx, tenantId, actor, {
          entityId: row.id,
          action: 'campaign.created',
          data: { name: row.name, clientId: row.clientId, status: row.status },
        });
        return toCampaign(row);
      });
    },

    /**
     * The result must keep the campaign rules. An archived campaign is read-only unless the update
     * gives it a status again, which restores it (not for an archived client).
     */
    async update(actor: UserActor, id: string, body: UpdateCampaignBody) {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const current = await campaignsRepository.findById(tx, id);
        if (!current) throw notFound('Campaign');
        const restoring = current.status === 'ARCHIVED';
        if (restoring && body.status === undefined) {
          throw new AppError('conflict', 'The campaign is archived: give it a status to restore it', {
            details: [{ reason: 'campaign_archived' }],
          });
        }
        const stored = {
          ...current,
          startDate: toCalendarDate(current.startDate),
          endDate: toCalendarDate(current.endDate),
          reviewBy: toCalendarDate(current.reviewBy),
        };
        const { data, fields } = changedFields(stored, body);
        if (fields.length === 0) return present(tx, current, AGENCY);
        const client = await lockedClient(tx, current.clientId);
        if (restoring && client.archivedAt) throw archivedClient();
        checkCampaignPlan({ ...stored, ...data }, client);
        const row = await campaignsRepository.update(tx, id, {
          ...data,
          ...(data.startDate !== undefined ? { startDate: fromCalendarDate(data.startDate) } : {}),
          ...(data.endDate !== undefined ? { endDate: fromCalendarDate(data.endDate) } : {}),
          ...(data.reviewBy !== undefined ? { reviewBy: fromCalendarDate(data.reviewBy) } : {}),
        });
        await audit(tx, tenantId, actor, {
          entityId: id,
          action: restoring ? 'campaign.restored' : 'campaign.updated',
          data: {
            name: row.name,
            changedFields: fields,
            ...(data.status ? { changes: { status: { from: current.status, to: row.status } } } : {}),
          },
        });
        return present(tx, row, AGENCY);
      });
    },

    /** Its ideas stay readable and stop changing; archiving twice changes nothing. */
    async archive(actor: UserActor, id: string) {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const current = await campaignsRepository.findById(tx, id);
        if (!current) throw notFound('Campaign');
        if (current.status === 'ARCHIVED') return present(tx, current, AGENCY);
        const row = await campaignsRepository.update(tx, id, { status: 'ARCHIVED' });
        await audit(tx, tenantId, actor, {
          entityId: id,
          action: 'campaign.archived',
          data: { name: row.name, changes: { status: { from: current.status, to: row.status } } },
        });
        return present(tx, row, AGENCY);
      });
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
