import { describe, expect, it } from 'vitest';
import { distinctHolders, reminderMessage } from './review-rounds.reminder-mail.ts';

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
const holder = (email: string, name: string) => ({
  email,
  name,
  reviewUrl: 'https://muse.example/review/signed-address',
  unsubscribe,
});

describe('reminderMessage', () => {
  it('tells a review-link holder how many ideas wait, by when, and links its review page, from the agency', () => {
    const message = reminderMessage(holder('priya@acme.test', 'Priya'), facts);
    expect(message).toMatchObject({
      recipient: 'priya@acme.test',
      fromName: 'Northwind <Social>',
      kind: 'review-reminder',
      subject: '3 ideas still wait for your review — Autumn launch',
    });
    expect(message.text).toContain('Northwind <Social> is waiting for your answer on Autumn launch.');
    expect(message.text).toContain('Please answer by 2027-03-10.');
    expect(message.text).toContain('Review them: https://muse.example/review/signed-address');
    expect(message.html).toContain('href="https://muse.example/review/signed-address"');
    expect(message.text).toContain('Unsubscribe: https://muse.example/unsubscribe/signed');
    expect(message.headers).toEqual(unsubscribe.headers);
    expect(message.html).not.toContain('<Social>');
  });

  it('leaves the review-by sentence out of a round without a date', () => {
    const message = reminderMessage(holder('robin@acme.test', 'Robin'), {
      ...facts,
      pending: 1,
      reviewBy: null,
    });
    expect(message.subject).toBe('1 idea still waits for your review — Autumn launch');
    expect(message.text).not.toContain('Please answer by');
  });
});

describe('distinctHolders', () => {
  it('reminds an address once, and not at all when it is a contact of the client (its notifications remind it)', () => {
    expect(
      distinctHolders(
        [
          holder('Priya@acme.test', 'Priya N.'),
          holder('robin@acme.test', 'Robin'),
          holder('ROBIN@acme.test', 'Robin (second link)'),
        ],
        ['priya@acme.test'],
      ),
    ).toEqual([holder('robin@acme.test', 'Robin')]);
  });
});
