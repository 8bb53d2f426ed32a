import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Mail kept in memory at most; the oldest goes first. */
const KEPT_MESSAGES = 200;

export interface CaughtMail {
  id: number;
  receivedAt: Date;
  from: string;
  to: string;
  subject: string;
  html: string | undefined;
  text: string;
}

export interface MailCatcher {
  /** For SMTP_URL: every message sent there is kept, none is delivered. */
  smtpUrl: string;
  /** The mailbox page listing what was caught. */
  mailboxUrl: string;
  caught: CaughtMail[];
  close(): Promise<void>;
}

export interface MailCatcherOptions {
  smtpPort: number;
  mailboxPort: number;
  host?: string;
}

/** An SMTP server that keeps what it receives, and a page that shows it: email for development. */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const caught: CaughtMail[] = [];
  let nextId = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          caught.unshift(toCaught(nextId++, mail));
          caught.splice(KEPT_MESSAGES);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, host, resolve);
  });
  const page = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://mailbox');
    const match = /^\/messages\/(\d+)$/.exec(pathname);
    const mail = match ? caught.find((entry) => entry.id === Number(match[1])) : undefined;
    const body = pathname === '/' ? mailboxPage(caught) : mail ? messagePage(mail) : undefined;
    response.writeHead(body ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      // A caught message's HTML is shown in a sandboxed frame: no scripts, no requests out of it.
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-src 'self'",
    });
    response.end(body ?? 'no such message');
  });
  await new Promise<void>((resolve, reject) => {
    page.once('error', reject);
    page.listen(options.mailboxPort, host, resolve);
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const mailboxPort = (page.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    mailboxUrl: `http://localhost:${mailboxPort}/`,
    caught,
    async close() {
      page.closeAllConnections();
      await new Promise((resolve) => page.close(resolve));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

function toCaught(id: number, mail: ParsedMail): CaughtMail {
  const addresses = (value: ParsedMail['to']) =>
    (Array.isArray(value) ? value : value ? [value] : []).map((entry) => entry.text).join(', ');
  return {
    id,
    receivedAt: new Date(),
    from: mail.from?.text ?? '',
    to: addresses(mail.to),
    subject: mail.subject ?? '(no subject)',
    html: typeof mail.html === 'string' ? mail.html : undefined,
    text: mail.text ?? '',
  };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const layout = (title: string, content: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2937}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #e5e7eb}
a{color:#4f46e5}iframe{width:100%;height:32rem;border:1px solid #e5e7eb}pre{white-space:pre-wrap;background:#f9fafb;padding:1rem}</style>
</head><body>${content}</body></html>`;

function mailboxPage(caught: readonly CaughtMail[]): string {
  const rows = caught
    .map(
      (mail) =>
        `<tr><td>${mail.receivedAt.toLocaleTimeString()}</td><td>${escapeHtml(mail.to)}</td><td><a href="/messages/${mail.id}">${escapeHtml(mail.subject)}</a></td></tr>`,
    )
    .join('');
  return layout(
    'Dev mailbox',
    `<h1>Dev mailbox</h1><p>Email the stack sent, caught here and delivered to no one. Reload for new mail.</p>${
      caught.length === 0
        ? '<p>No mail yet.</p>'
        : `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`
    }`,
  );
}

function messagePage(mail: CaughtMail): string {
  const html = mail.html
    ? `<h2>HTML</h2><iframe sandbox title="HTML part" srcdoc="${escapeHtml(mail.html)}"></iframe>`
    : '';
  return layout(
    mail.subject,
    `<p><a href="/">← Dev mailbox</a></p><h1>${escapeHtml(mail.subject)}</h1>
<p>From ${escapeHtml(mail.from)}<br>To ${escapeHtml(mail.to)}</p>${html}<h2>Text</h2><pre>${escapeHtml(mail.text)}</pre>`,
  );
}
