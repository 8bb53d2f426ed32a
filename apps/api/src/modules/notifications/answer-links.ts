import type { NotificationContent } from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import type { TokenSigner } from '../../shared/signed-token.ts';
import type { EmailLink } from '../email/email.layout.ts';
import { actionExpiry, actionUrls, type Reviewer } from '../review-actions/review-action-links.ts';

/** The ideas the sendings of a message list. */
export function sentIdeaIds(notifications: { content: NotificationContent }[]): string[] {
  return notifications.flatMap(({ content }) =>
    content.kind === 'IDEAS_SENT' ? content.data.ideas.map((idea) => idea.id) : [],
  );
}

/**
 * The links under each idea a message lists: Approve and Request changes, bound to the idea at its
 * version now, for the ideas that still wait for the client; "Review" for the others.
 */
export async function answerLinks(
  tx: TenantTx,
  deps: { signer: TokenSigner; webOrigin: string },
  reviewer: { tenantId: string; by: Reviewer; linkExpiresAt?: Date },
  ideaIds: string[],
): Promise<(idea: { id: string }, reviewUrl: string) => EmailLink[]> {
  const waiting = new Map(
    (
      await tx.idea.findMany({
        where: { id: { in: ideaIds }, status: 'PENDING_CLIENT' },
        select: { id: true, version: true },
      })
    ).map((idea) => [idea.id, idea.version]),
  );
  const expiresAt = actionExpiry(new Date(), reviewer.linkExpiresAt);
  return (idea, reviewUrl) => {
    const version = waiting.get(idea.id);
    if (version === undefined) return [{ label: 'Review', url: reviewUrl }];
    const urls = actionUrls(
      deps.signer,
      deps.webOrigin,
      { tenantId: reviewer.tenantId, ideaId: idea.id, version, by: reviewer.by },
      expiresAt,
    );
    return [
      { label: 'Approve', url: urls.approve },
      { label: 'Request changes', url: urls.changes },
    ];
  };
}
