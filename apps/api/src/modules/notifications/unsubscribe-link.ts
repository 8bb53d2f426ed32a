import { NotificationKind } from '@muse/contracts';
import { z } from 'zod';
import type { TokenSigner } from '../../shared/signed-token.ts';

export const UNSUBSCRIBE_PURPOSE = 'unsubscribe';
/** Unsubscribe links work long after their message: a year. */
const UNSUBSCRIBE_LINK_DAYS = 365;

/** What an unsubscribe link stops: a user's mail of some kinds, or the mail about one review link. */
export const UnsubscribeTarget = z.union([
  z.strictObject({ tenantId: z.uuid(), userId: z.uuid(), kinds: z.array(NotificationKind).min(1) }),
  z.strictObject({ tenantId: z.uuid(), reviewLinkId: z.uuid() }),
]);
export type UnsubscribeTarget = z.infer<typeof UnsubscribeTarget>;

/**
 * The page a message's footer links to (it asks before it acts: mail scanners open links), and the
 * one-click address of its List-Unsubscribe header (RFC 8058: a POST, which scanners do not send).
 */
export function unsubscribeLinks(
  signer: TokenSigner,
  webOrigin: string,
  target: UnsubscribeTarget,
  now = new Date(),
) {
  const token = signer.sign(
    UNSUBSCRIBE_PURPOSE,
    target,
    new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000),
  );
  const page = `${webOrigin}/unsubscribe/${token}`;
  return {
    page,
    headers: {
      'List-Unsubscribe': `<${page}/one-click>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
