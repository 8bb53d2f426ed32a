import { CreateCampaignBody, CreateClientBody, CreateTenantBody, InviteUserBody } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { countOf, normalisedWebsite, plainMessage, zodFieldErrors } from './form-errors';

const client = {
  name: 'Luna Bakery',
  industry: 'Bakery',
  brandVoice: '',
  toneKeywords: [],
  targetAudience: '',
  doList: [],
  dontList: [],
  defaultHashtags: [],
  platforms: ['INSTAGRAM'],
};

function errorsOf(result: { success: boolean; error?: Parameters<typeof zodFieldErrors>[0] }, nouns = {}) {
  if (result.success || !result.error) throw new Error('expected the body to be refused');
  return zodFieldErrors(result.error, nouns);
}

describe('form errors in plain language', () => {
  it('asks for a missing name and states the length limit', () => {
    expect(errorsOf(CreateClientBody.safeParse({ ...client, name: ' ' }), { name: 'a brand name' })).toEqual({
      name: 'Enter a brand name',
    });
    expect(errorsOf(CreateClientBody.safeParse({ ...client, name: 'x'.repeat(121) }))).toEqual({
      name: 'Up to 120 characters',
    });
  });

  it('explains emails, counts and the contract’s own sentences, capitalised', () => {
    const invite = errorsOf(InviteUserBody.safeParse({ name: '', email: 'lena', role: 'AGENCY_MEMBER' }), {
      name: 'a name',
    });
    expect(invite).toEqual({ name: 'Enter a name', email: 'Enter an email address, like name@example.com' });
    const campaign = {
      clientId: '00000000-0000-4000-8000-000000000001',
      name: 'Spring',
      platforms: ['INSTAGRAM'],
      numPosts: 4,
      numReels: 1,
    };
    expect(
      errorsOf(CreateCampaignBody.safeParse({ ...campaign, numPosts: 51, numReels: Number.NaN })),
    ).toEqual({
      numPosts: 'At most 50',
      numReels: 'Enter a whole number',
    });
    expect(
      errorsOf(CreateCampaignBody.safeParse({ ...campaign, platforms: [] }), {
        platforms: 'at least one platform',
      }),
    ).toEqual({ platforms: 'Choose at least one platform' });
    expect(
      errorsOf(CreateCampaignBody.safeParse({ ...campaign, startDate: '2026-05-02', endDate: '2026-05-01' })),
    ).toEqual({ endDate: 'The campaign cannot end before it starts' });
  });

  it('keys nested issues by their last segment for the noun', () => {
    const parsed = CreateTenantBody.safeParse({ name: 'Acme', admin: { name: '', email: 'a@b.test' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => plainMessage(issue, { name: 'a name' }))).toEqual([
      'Enter a name',
    ]);
  });
});

describe('normalisedWebsite', () => {
  it('adds https:// to a bare address the API would refuse, and keeps one that has a scheme', () => {
    expect(CreateClientBody.safeParse({ ...client, website: 'lunabakery.com' }).success).toBe(false);
    expect(normalisedWebsite(' lunabakery.com ')).toBe('https://lunabakery.com');
    expect(
      CreateClientBody.safeParse({ ...client, website: normalisedWebsite('lunabakery.com') }).success,
    ).toBe(true);
    expect(normalisedWebsite('http://lunabakery.com')).toBe('http://lunabakery.com');
    expect(normalisedWebsite('   ')).toBeNull();
  });
});

describe('countOf', () => {
  it('reads a typed count, and takes an empty field for no number rather than 0', () => {
    expect(countOf(' 12 ')).toBe(12);
    expect(countOf('0')).toBe(0);
    expect(countOf('1.5')).toBe(1.5);
    expect(countOf('  ')).toBeNaN();
    expect(CreateCampaignBody.shape.numPosts.safeParse(countOf('')).success).toBe(false);
  });
});
