import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from './mail-catcher.ts';

let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, mailboxPort: 0 });
});
afterAll(() => catcher.close());

describe('the dev mail catcher', () => {
  it('when mail is sent to it, then the mailbox page lists it and shows both parts, escaped', async () => {
    await nodemailer.createTransport({ url: catcher.smtpUrl }).sendMail({
      from: 'Northwind Social <hello@northwind.test>',
      to: 'reviewer@client.test',
      subject: 'Ideas <wait> for you',
      html: '<p>Three <strong>ideas</strong></p>',
      text: 'Three ideas',
    });

    const mailbox = await (await fetch(catcher.mailboxUrl)).text();
    expect(mailbox).toContain('reviewer@client.test');
    expect(mailbox).toContain('Ideas &#60;wait&#62; for you');
    const [mail] = catcher.caught;
    const page = await fetch(new URL(`/messages/${mail?.id}`, catcher.mailboxUrl));
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await page.text();
    expect(body).toContain('srcdoc="&#60;p&#62;Three &#60;strong&#62;ideas');
    expect(body).toContain('<pre>Three ideas</pre>');
    expect((await fetch(new URL('/messages/999', catcher.mailboxUrl))).status).toBe(404);
  });
});
