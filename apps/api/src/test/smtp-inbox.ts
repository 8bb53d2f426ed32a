import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpInbox {
  /** For SMTP_URL. */
  url: string;
  /** Every message accepted so far, parsed. */
  received: ParsedMail[];
  /** Answers a delivery to `recipient` with a temporary failure while it returns true. */
  refuseWhen: (recipient: string) => boolean;
  close(): Promise<void>;
}

/** A real SMTP server in this process on a free port, keeping what it accepts. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const inbox: Omit<SmtpInbox, 'url' | 'close'> = { received: [], refuseWhen: () => false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const recipient = session.envelope.rcptTo[0]?.address ?? '';
      simpleParser(stream).then(
        (mail) => {
          if (inbox.refuseWhen(recipient)) {
            callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
            return;
          }
          inbox.received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(inbox, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
