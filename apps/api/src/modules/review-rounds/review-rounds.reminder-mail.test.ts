import { describe, expect, it } from 'vitest';
import { distinctRecipients, reminderMessage } from './review-rounds.reminder-mail.ts';

const facts = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  agency: { name: 'Northwind <Social>', logoUrl: null },
  campaign: 'Autumn launch',
  pending: 3,
  reviewBy: '2027-03-10',
  webOrigin: 'https://muse.example',
};

describe('reminderMessage', () => {
  it('tells a client contact how many ideas wait, by when, and links the portal, from the agency', () => {
    const message = reminderMessage({ email: 'priya@acme.test', name: 'Priya', via: 'portal' }, facts);
    expect(message).toMatchObject({
      recipient: 'priya@acme.test',
      fromName: 'Northwind <Social>',
      kind: 'review-reminder',
      subject: '3 ideas still wait for your review — Autumn launch',
    });
    expect(message.text).toContain('Northwind <Social> is waiting for your answer on Autumn launch.');
    expect(message.text).toContain('Please answer by 2027-03-10.');
    expect(message.text).toContain('Review them in the portal: https://muse.example/portal');
    expect(message.html).toContain('href="https://muse.example/portal"');
    expect(message.html).not.toContain('<Social>');
  });

  it('points a review-link holder to the link the agency sent, with no portal link', () => {
    const message = reminderMessage(
      { email: 'robin@acme.test', name: 'Robin', via: 'review-link' },
      { ...facts, pending: 1, reviewBy: null },
    );
    expect(message.subject).toBe('1 idea still waits for your review — Autumn launch');
    expect(message.text).toContain('Open the review link Northwind <Social> sent you to review them.');
    expect(message.text).not.toContain('/portal');
    expect(message.text).not.toContain('Please answer by');
  });
});

describe('distinctRecipients', () => {
  it('reminds an address once, as a contact when it is one', () => {
    expect(
      distinctRecipients([
        { email: 'Priya@acme.test', name: 'Priya', via: 'portal' },
        { email: 'priya@acme.test', name: 'Priya N.', via: 'review-link' },
        { email: 'robin@acme.test', name: 'Robin', via: 'review-link' },
      ]),
    ).toEqual([
      { email: 'Priya@acme.test', name: 'Priya', via: 'portal' },
      { email: 'robin@acme.test', name: 'Robin', via: 'review-link' },
    ]);
  });
});
