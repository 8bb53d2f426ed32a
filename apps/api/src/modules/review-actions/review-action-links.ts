import { z } from 'zod';
import type { TokenSigner } from '../../shared/signed-token.ts';

/** An answer a message's button stands for. */
export const ActionDecision = z.enum(['CLIENT_APPROVED', 'CHANGES_REQUESTED']);
export type ActionDecision = z.infer<typeof ActionDecision>;

/** Who a message was for: a review link's holder, or a client contact. */
const Reviewer = z.union([z.strictObject({ linkId: z.uuid() }), z.strictObject({ userId: z.uuid() })]);
export type Reviewer = z.infer<typeof Reviewer>;

export const OPEN_PURPOSE = 'review-open';
export const ACTION_PURPOSE = 'review-action';

/** Opens a review link's page from a message: the link itself, as the agency sent it, stays secret. */
export const OpenPayload = z.strictObject({ tenantId: z.uuid(), linkId: z.uuid() });

/** One answer to one idea at the version the message showed, by the one it was sent to. */
export const ActionPayload = z.strictObject({
  tenantId: z.uuid(),
  ideaId: z.uuid(),
  version: z.int().min(1),
  decision: ActionDecision,
  by: Reviewer,
});
export type ActionPayload = z.infer<typeof ActionPayload>;

/** An answer from a message is short-lived: a week, and never beyond the link it came with. */
const ACTION_DAYS = 7;

export function actionExpiry(now: Date, linkExpiresAt?: Date): Date {
  const week = new Date(now.getTime() + ACTION_DAYS * 86_400_000);
  return linkExpiresAt && linkExpiresAt < week ? linkExpiresAt : week;
}

export function reviewOpenUrl(
  signer: TokenSigner,
  webOrigin: string,
  link: { tenantId: string; id: string; expiresAt: Date },
): string {
  const token = signer.sign(OPEN_PURPOSE, { tenantId: link.tenantId, linkId: link.id }, link.expiresAt);
  return `${webOrigin}/review/${token}`;
}

/** The Approve and Request changes addresses of one idea in a message. */
export function actionUrls(
  signer: TokenSigner,
  webOrigin: string,
  action: Omit<ActionPayload, 'decision'>,
  expiresAt: Date,
): { approve: string; changes: string } {
  const url = (decision: ActionDecision) =>
    `${webOrigin}/act/${signer.sign(ACTION_PURPOSE, { ...action, decision }, expiresAt)}`;
  return { approve: url('CLIENT_APPROVED'), changes: url('CHANGES_REQUESTED') };
}
