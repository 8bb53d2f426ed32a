import type { CreateCommentBody, ListCommentsQuery, UserRef } from '@muse/contracts';
import type { Database } from '@muse/db';
import { AppError, notFound } from '../../http/app-error.ts';
import { decodeCursor, toPage } from '../../shared/keyset-page.ts';
import { audit } from '../activity/audit.ts';
import { type Actor, noticeActorOf } from '../auth/actor.ts';
import { audienceOf } from '../auth/audience.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { ideasRepository } from '../ideas/ideas.repository.ts';
import type { NotificationJobs } from '../notifications/notify.ts';
import { notifyOfComment } from '../notifications/review-notices.ts';
import { usersRepository } from '../users/users.repository.ts';
import { type CommentRow, commentsRepository } from './comments.repository.ts';
import { writeComments } from './comments.writer.ts';

const toComment = ({ authorId, ...comment }: CommentRow, authors: Map<string, UserRef>) => ({
  ...comment,
  author: (authorId && authors.get(authorId)) || null,
});

/** The comment's author as its writer is answered: a user, or nobody named beside the review link. */
function authorsOf(actor: Actor): Map<string, UserRef> {
  if (actor.kind !== 'user') return new Map();
  return new Map([[actor.userId, { id: actor.userId, name: actor.name, role: actor.role }]]);
}

export function createCommentsService(deps: { db: Database; jobs: NotificationJobs }) {
  const { db, jobs } = deps;

  return {
    /** Oldest first; a client contact reads only the comments visible to the client. */
    async list(actor: Actor, ideaId: string, query: ListCommentsQuery) {
      const audience = audienceOf(actor);
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        if (!(await ideasRepository.isVisible(tx, ideaId, audience))) throw notFound('Idea');
        const rows = await commentsRepository.list(tx, ideaId, {
          // What clientReadsComment (comments.writer.ts) decides for the live stream, as a filter.
          clientOnly: audience.kind === 'client',
          after,
          limit: query.limit,
        });
        const { items, nextCursor } = toPage(rows, query.limit);
        const authors = await usersRepository.refs(
          tx,
          items.map((comment) => comment.authorId),
        );
        return { items: items.map((comment) => toComment(comment, authors)), nextCursor };
      });
    },

    /** The agency chooses the visibility (INTERNAL unless told); a client's comments are the client's to see. */
    async create(actor: Actor, ideaId: string, body: CreateCommentBody) {
      const tenantId = tenantScopeOf(actor);
      const audience = audienceOf(actor);
      if (audience.kind === 'client' && body.visibility === 'INTERNAL') {
        throw new AppError('forbidden', 'A client’s comments are visible to the client');
      }
      const visibility = audience.kind === 'client' ? 'CLIENT' : (body.visibility ?? 'INTERNAL');
      return db.withTenantTx(tenantId, async (tx) => {
        const idea = await ideasRepository.findVisible(tx, ideaId, audience);
        if (!idea) throw notFound('Idea');
        const [written] = await writeComments(tx, tenantId, actor, [{ idea, body: body.body, visibility }]);
        if (!written) throw new Error('a comment insert returned no row');
        const { comment, event } = written;
        await audit(tx, tenantId, actor, event);
        await notifyOfComment(
          tx,
          jobs,
          tenantId,
          { ...noticeActorOf(actor), side: audience.kind },
          {
            idea,
            body: body.body,
            visibility,
          },
        );
        return toComment(comment, authorsOf(actor));
      });
    },
  };
}

export type CommentsService = ReturnType<typeof createCommentsService>;
