import {
  type BulkStatusBody,
  CLIENT_VISIBLE_STATUSES,
  type ExportIdeasQuery,
  type IdeaStatus,
  type ListIdeasQuery,
  type ListRevisionsQuery,
  type UpdateIdeaBody,
} from '@muse/contracts';
import type { Database } from '@muse/db';
import { z } from 'zod';
import { notFound } from '../../http/app-error.ts';
import { fromCalendarDate } from '../../shared/calendar-date.ts';
import { decodeCursor, decodeKeyCursor, toPage, toPageBy } from '../../shared/keyset-page.ts';
import { audit } from '../activity/audit.ts';
import { type Actor, noticeActorOf } from '../auth/actor.ts';
import { type Audience, audienceOf } from '../auth/audience.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import type { NotificationJobs } from '../notifications/notify.ts';
import { notifyOfMoves } from '../notifications/review-notices.ts';
import { usersRepository } from '../users/users.repository.ts';
import { answersOf, changesAnswer, mayChangeAnswer } from './ideas.answers.ts';
import { brandChecksOf, guardSending } from './ideas.brand-check.ts';
import { findEach, planMoves, writeMoves } from './ideas.bulk.ts';
import { archivedCampaign, recordChanges } from './ideas.changes.ts';
import { asSeenBy, ideaAsSeenBy } from './ideas.client-view.ts';
import { stateOf, toIdea } from './ideas.presenter.ts';
import { ideasRepository } from './ideas.repository.ts';
import { commentVisibility, planIdeaUpdate, versionConflict } from './ideas.rules.ts';

const VersionKeyset = z.tuple([z.int().min(1)]);

/** The statuses a list may return: the filter, narrowed for a client contact to what it may see. */
export function statusesFor(
  audience: Audience,
  status: IdeaStatus | undefined,
): readonly IdeaStatus[] | undefined {
  if (audience.kind === 'agency') return status && [status];
  if (!status) return CLIENT_VISIBLE_STATUSES;
  return CLIENT_VISIBLE_STATUSES.includes(status) ? [status] : [];
}

export function createIdeasService(deps: { db: Database; jobs: NotificationJobs }) {
  const { db, jobs } = deps;

  return {
    async listForCampaign(actor: Actor, campaignId: string, query: ListIdeasQuery) {
      const audience = audienceOf(actor);
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      const statuses = statusesFor(audience, query.status);
      const rows = await db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        const ideas =
          statuses?.length === 0
            ? []
            : await ideasRepository.listForCampaign(tx, campaignId, audience, {
                statuses,
                type: query.type,
                platform: query.platform,
                after,
                take: query.limit + 1,
              });
        // Ideas prove the campaign is there for the caller; only an empty page needs to ask.
        if (ideas.length === 0 && !(await ideasRepository.findCampaign(tx, campaignId, audience))) {
          throw notFound('Campaign');
        }
        return asSeenBy(tx, audience, ideas);
      });
      const { items, nextCursor } = toPage(rows, query.limit);
      return { items: items.map(toIdea), nextCursor };
    },

    /** Every idea of the campaign the caller may see, for the CSV export. */
    async exportForCampaign(actor: Actor, campaignId: string, query: ExportIdeasQuery) {
      const audience = audienceOf(actor);
      const statuses = statusesFor(audience, query.status);
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        const campaign = await ideasRepository.findCampaign(tx, campaignId, audience);
        if (!campaign) throw notFound('Campaign');
        const rows =
          statuses?.length === 0
            ? []
            : await ideasRepository.listForCampaign(tx, campaignId, audience, {
                statuses,
                type: query.type,
                platform: query.platform,
              });
        return { campaign, ideas: (await asSeenBy(tx, audience, rows)).map(toIdea) };
      });
    },

    async get(actor: Actor, id: string) {
      const audience = audienceOf(actor);
      const row = await db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        const idea = await ideasRepository.findVisible(tx, id, audience);
        return idea && ideaAsSeenBy(tx, audience, idea);
      });
      if (!row) throw notFound('Idea');
      return toIdea(row);
    },

    /** The agency's look at an idea before sending it (the route is the agency's only). */
    async check(actor: Actor, id: string) {
      const audience = audienceOf(actor);
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        const idea = await ideasRepository.findVisible(tx, id, audience);
        if (!idea) throw notFound('Idea');
        const check = (await brandChecksOf(tx, [idea])).get(idea.id);
        if (!check) throw notFound('Idea');
        return check;
      });
    },

    /**
     * Content edit, scheduled date and/or a workflow move, at the version the caller loaded. The
     * write is conditional on that version: of two concurrent updates of one version, one wins
     * and the other is 409 version_conflict.
     */
    async update(actor: Actor, id: string, body: UpdateIdeaBody) {
      const tenantId = tenantScopeOf(actor);
      const audience = audienceOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const before = await ideasRepository.findForChange(tx, id, audience);
        if (!before) throw notFound('Idea');
        if (before.campaign.status === 'ARCHIVED') throw archivedCampaign();
        // Only a client changing an answer needs the idea's history of moves.
        const changingAnswer = audience.kind === 'client' && changesAnswer(before.status, body.status);
        const change = planIdeaUpdate(stateOf(before), body, audience.kind, {
          mayChangeAnswer:
            changingAnswer && mayChangeAnswer(actor, before, await ideasRepository.listAnswers(tx, id)),
        });
        if (change.changedFields.length === 0 && !change.move) {
          if (change.comment) {
            await recordChanges(tx, jobs, tenantId, actor, [
              { before, after: before, changedFields: [], comment: change.comment },
            ]);
          }
          return toIdea(await ideaAsSeenBy(tx, audience, before));
        }
        const after = await ideasRepository.updateAtVersion(tx, id, before.version, {
          ...change.content,
          ...(change.scheduledFor === undefined
            ? {}
            : { scheduledFor: fromCalendarDate(change.scheduledFor) }),
          ...(change.move
            ? { status: change.move.to, ...(change.move.startsRound ? { round: { increment: 1 } } : {}) }
            : {}),
        });
        if (!after) throw versionConflict();
        await audit(
          tx,
          tenantId,
          actor,
          await guardSending(tx, [{ after, move: change.move }], !!body.confirmBrandCheck),
        );
        await recordChanges(
          tx,
          jobs,
          tenantId,
          actor,
          [
            {
              before,
              after,
              changedFields: change.changedFields,
              move: change.move,
              comment: change.comment,
            },
          ],
          { reviewBy: body.reviewBy },
        );
        if (change.move) {
          await notifyOfMoves(tx, jobs, tenantId, noticeActorOf(actor), [
            {
              idea: after,
              from: before.status,
              to: change.move.to,
              startsRound: change.move.startsRound,
              comment: change.comment?.body,
            },
          ]);
        }
        return toIdea(await ideaAsSeenBy(tx, audience, after));
      });
    },

    /** Moves every listed idea or none: any idea missing, unmovable or changed meanwhile fails them all. */
    async bulkStatus(actor: Actor, body: BulkStatusBody) {
      const tenantId = tenantScopeOf(actor);
      const audience = audienceOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const ideas = await findEach(tx, body.ids, audience);
        const moves = planMoves(ideas, body, audience.kind);
        const applied = await writeMoves(tx, moves, body.status);
        await audit(tx, tenantId, actor, await guardSending(tx, applied, !!body.confirmBrandCheck));
        await recordChanges(
          tx,
          jobs,
          tenantId,
          actor,
          applied.map((change) => ({
            ...change,
            ...(body.comment
              ? { comment: { body: body.comment, visibility: commentVisibility(audience.kind, change.move) } }
              : {}),
          })),
          { reviewBy: body.reviewBy },
        );
        await notifyOfMoves(
          tx,
          jobs,
          tenantId,
          noticeActorOf(actor),
          applied.map(({ after, move }) => ({
            idea: after,
            to: move.to,
            startsRound: move.startsRound,
            comment: body.comment,
          })),
        );
        const moved = new Map(applied.map(({ after }) => [after.id, after]));
        const items = await asSeenBy(
          tx,
          audience,
          body.ids.flatMap((id) => moved.get(id) ?? []),
        );
        return { items: items.map(toIdea) };
      });
    },

    /** The client's answers to the idea, oldest first, and whether the caller may change the latest. */
    async decisions(actor: Actor, id: string) {
      const audience = audienceOf(actor);
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        const idea = await ideasRepository.findVisible(tx, id, audience);
        if (!idea) throw notFound('Idea');
        return answersOf(tx, actor, idea);
      });
    },

    /** Newest version first; a client contact sees only the versions it was shown. */
    async revisions(actor: Actor, id: string, query: ListRevisionsQuery) {
      const audience = audienceOf(actor);
      const before = query.cursor ? decodeKeyCursor(query.cursor, VersionKeyset)[0] : undefined;
      const page = await db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        if (!(await ideasRepository.isVisible(tx, id, audience))) throw notFound('Idea');
        const rows = await ideasRepository.listRevisions(tx, id, {
          shownOnly: audience.kind === 'client',
          beforeVersion: before,
          limit: query.limit,
        });
        const { items, nextCursor } = toPageBy(rows, query.limit, (row) => [row.version]);
        const editors = await usersRepository.refs(
          tx,
          items.map((row) => row.editedById),
        );
        return { items, nextCursor, editors };
      });
      return {
        items: page.items.map(({ editedById, ...revision }) => ({
          ...revision,
          editedBy: (editedById && page.editors.get(editedById)) || null,
        })),
        nextCursor: page.nextCursor,
      };
    },
  };
}

export type IdeasService = ReturnType<typeof createIdeasService>;
