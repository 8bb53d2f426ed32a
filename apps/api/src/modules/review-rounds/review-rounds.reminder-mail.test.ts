import { describe, expect, it } from 'vitest';
import { distinctRecipients, reminderMessage } from './review-rounds.reminder-mail.ts';

const facts = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  agency: { name: 'Northwind <Social>', logoUrl: null },
  campaign: 'Autumn launch',
  pending: 3,
  reviewBy: '2027-03-10',
};

const unsubscribe = {
  page: 'https://muse.example/unsubscribe/signed',
  headers: { 'List-Unsubscribe': '<https://muse.example/unsubscribe/signed/one-click>' },
};
const contact = (email: string, name: string) => ({
  email,
  name,
  via: 'portal' as const,
  reviewUrl: 'https://muse.example/portal/campaigns/c1',
  unsubscribe,
});
const holder = (email: string, name: string) => ({
  email,
  name,
  via: 'review-link' as const,
  reviewUrl: 'https://muse.example/review/signed-address',
  unsubscribe,
});

describe('reminderMessage', () => {
  it('tells a client contact how many ideas wait, by when, and links the portal, from the agency', () => {
    const message = reminderMessage(contact('priya@acme.test', 'Priya'), facts);
    expect(message).toMatchObject({
      recipient: 'priya@acme.test',
      fromName: 'Northwind <Social>',
      kind: 'review-reminder',
      subject: '3 ideas still wait for your review — Autumn launch',
    });
    expect(message.text).toContain('Northwind <Social> is waiting for your answer on Autumn launch.');
    expect(message.text).toContain('Please answer by 2027-03-10.');
    expect(message.text).toContain('Review them in the portal: https://muse.example/portal/campaigns/c1');
    expect(message.html).toContain('href="https://muse.example/portal/campaigns/c1"');
    expect(message.text).toContain('Unsubscribe: https://muse.example/unsubscribe/signed');
    expect(message.headers).toEqual(unsubscribe.headers);
    expect(message.html).not.toContain('<Social>');
  });

  it('points a review-link holder to its review page, with no portal link', () => {
    const message = reminderMessage(holder('robin@acme.test', 'Robin'), {
      ...facts,
      pending: 1,
      reviewBy: null,
    });
    expect(message.subject).toBe('1 idea still waits for your review — Autumn launch');
    expect(message.text).toContain('Review them: https://muse.example/review/signed-address');
    expect(message.text).not.toContain('/portal');
    expect(message.text).not.toContain('Please answer by');
  });
});

describe('distinctRecipients', () => {
  it('reminds an address once, as a contact when it is one', () => {
    expect(
      distinctRecipients([
        contact('Priya@acme.test', 'Priya'),
        holder('priya@acme.test', 'Priya N.'),
        holder('robin@acme.test', 'Robin'),
      ]),
    ).toEqual([contact('Priya@acme.test', 'Priya'), holder('robin@acme.test', 'Robin')]);
  });
});
