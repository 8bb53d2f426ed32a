import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import {
  type Actor,
  actorIdOf,
  type ReviewLinkActor,
  rateLimitKeysOf,
  type SystemActor,
  userActor,
} from './actor.ts';
import { audienceOf } from './audience.ts';
import type { Principal } from './principal.ts';

const principal = (overrides: Partial<Principal> = {}): Principal => ({
  userId: 'u-1',
  email: 'ada@agency.example',
  name: 'Ada',
  role: 'AGENCY_MEMBER',
  status: 'ACTIVE',
  tenantId: 't-1',
  clientId: null,
  tenant: { id: 't-1', name: 'Agency', slug: 'agency', status: 'ACTIVE' },
  client: null,
  ...overrides,
});

const link: ReviewLinkActor = {
  kind: 'review-link',
  linkId: 'l-1',
  tenantId: 't-1',
  clientId: 'c-1',
  campaignId: 'k-1',
  reviewerName: 'Dana Reviewer',
};
const job: SystemActor = { kind: 'system', job: 'generation', tenantId: 't-1' };

describe('actor', () => {
  it('when an agency user acts, then it reaches the whole tenant, is limited as itself and is named in the audit log', () => {
    const actor: Actor = userActor(principal());
    expect(audienceOf(actor)).toEqual({ kind: 'agency' });
    expect(rateLimitKeysOf(actor)).toEqual({ caller: 'u-1', tenant: 't-1' });
    expect(actorIdOf(actor)).toBe('u-1');
  });

  it('when a client contact acts, then it reaches its own client only', () => {
    expect(audienceOf(userActor(principal({ role: 'CLIENT', clientId: 'c-2' })))).toEqual({
      kind: 'client',
      clientId: 'c-2',
    });
    expect(() => audienceOf(userActor(principal({ role: 'CLIENT', clientId: null })))).toThrow(AppError);
  });

  it('when a platform admin acts, then the tenant limit does not count it', () => {
    expect(rateLimitKeysOf(userActor(principal({ role: 'PLATFORM_ADMIN', tenantId: null })))).toEqual({
      caller: 'u-1',
      tenant: null,
    });
  });

  it('when the holder of a review link acts, then it reaches the link’s campaign of its client, is limited per link and has no actor id', () => {
    expect(audienceOf(link)).toEqual({ kind: 'client', clientId: 'c-1', campaignId: 'k-1' });
    expect(rateLimitKeysOf(link)).toEqual({ caller: 'review-link:l-1', tenant: 't-1' });
    expect(actorIdOf(link)).toBeNull();
  });

  it('when a job acts, then it reaches the whole tenant, is never rate limited and has no actor id', () => {
    expect(audienceOf(job)).toEqual({ kind: 'agency' });
    expect(rateLimitKeysOf(job)).toBeNull();
    expect(actorIdOf(job)).toBeNull();
  });
});
