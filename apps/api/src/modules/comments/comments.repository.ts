import type { CommentVisibility } from '@muse/contracts';
import type { Prisma, TenantTx } from '@muse/db';
import { afterKeyset, type Keyset } from '../../shared/keyset-page.ts';

const COMMENT_FIELDS = {
  id: true,
  ideaId: true,
  authorId: true,
  reviewLink: { select: { id: true, reviewerName: true } },
  body: true,
  visibility: true,
  createdAt: true,
} as const satisfies Prisma.CommentSelect;

export interface NewComment {
  tenantId: string;
  ideaId: string;
  authorId: string | null;
  reviewLinkId: string | null;
  body: string;
  visibility: CommentVisibility;
}

export const commentsRepository = {
  /** One statement for any number of comments (a bulk move comments on each idea). */
  createMany(tx: TenantTx, comments: NewComment[]) {
    return tx.comment.createManyAndReturn({ data: comments, select: COMMENT_FIELDS });
  },

  /** Oldest first (ties by id), served by (tenant_id, idea_id, created_at); one row beyond the page. */
  list(tx: TenantTx, ideaId: string, filter: { clientOnly: boolean; after?: Keyset; limit: number }) {
    return tx.comment.findMany({
      where: {
        ideaId,
        ...(filter.clientOnly ? { visibility: 'CLIENT' as const } : {}),
        ...afterKeyset(filter.after, 'asc'),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: filter.limit + 1,
      select: COMMENT_FIELDS,
    });
  },
};

export type CommentRow = Awaited<ReturnType<typeof commentsRepository.createMany>>[number];
