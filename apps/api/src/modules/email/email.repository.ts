import type { TenantTx } from '@muse/db';

export interface NewEmailMessage {
  tenantId: string;
  /** What the message is for, such as `invitation` or `review-reminder`. */
  kind: string;
  recipient: string;
  /** The sender's display name: the agency's, so its clients see the agency and not Muse. */
  fromName?: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, such as List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
}

export interface OutboxMessage {
  id: string;
  recipient: string;
  fromName: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  status: 'QUEUED' | 'SENT' | 'FAILED';
  attempts: number;
}

export async function insertEmailMessage(tx: TenantTx, message: NewEmailMessage): Promise<string> {
  const row = await tx.emailMessage.create({
    data: { ...message, headers: message.headers ?? {} },
    select: { id: true },
  });
  return row.id;
}

/**
 * The message, locked until the caller's transaction ends: a second worker holding the same
 * message waits here, then finds it sent.
 */
export async function lockEmailMessage(tx: TenantTx, id: string): Promise<OutboxMessage | undefined> {
  const [row] = await tx.$queryRaw<OutboxMessage[]>`
    select id, recipient, from_name as "fromName", subject, html, text, headers, status::text as status, attempts
    from email_messages where id = ${id}::uuid for update`;
  return row;
}

export async function markEmailSent(tx: TenantTx, id: string, attempts: number): Promise<void> {
  await tx.emailMessage.update({
    where: { id },
    data: { status: 'SENT', attempts, lastError: null, sentAt: new Date() },
  });
}

/** A failed attempt; `final` when no retry follows. */
export async function recordEmailFailure(
  tx: TenantTx,
  id: string,
  failure: { attempts: number; error: string; final: boolean },
): Promise<void> {
  await tx.emailMessage.update({
    where: { id },
    data: {
      attempts: failure.attempts,
      lastError: failure.error,
      ...(failure.final ? { status: 'FAILED' as const } : {}),
    },
  });
}
