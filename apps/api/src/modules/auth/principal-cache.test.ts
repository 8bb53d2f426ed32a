import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.ts';
import { PrincipalCache } from './principal-cache.ts';

const principal = (userId: string, tenantId: string | null = 'tenant-a'): Principal => ({
  userId,
  email: `${userId}@example.test`,
  name: userId,
  role: 'AGENCY_MEMBER',
  status: 'ACTIVE',
  tenantId,
  clientId: null,
  tenant: tenantId ? { id: tenantId, name: 'A', slug: 'a', status: 'ACTIVE' } : null,
  client: null,
});

describe('principal cache', () => {
  it('when an entry is older than the TTL, then it is gone', () => {
    let now = 1_000;
    const cache = new PrincipalCache(5_000, 100, () => now);
    cache.set('sub-1', principal('u1'), cache.generation);
    now += 4_999;
    expect(cache.get('sub-1')?.userId).toBe('u1');
    now += 2;
    expect(cache.get('sub-1')).toBeUndefined();
  });

  it('when a user or a tenant is invalidated, then only its entries go', () => {
    const cache = new PrincipalCache(60_000);
    cache.set('sub-1', principal('u1', 'tenant-a'), cache.generation);
    cache.set('sub-2', principal('u2', 'tenant-a'), cache.generation);
    cache.set('sub-3', principal('u3', 'tenant-b'), cache.generation);
    cache.invalidateUser('u1');
    expect([cache.get('sub-1'), cache.get('sub-2')?.userId]).toEqual([undefined, 'u2']);
    cache.invalidateTenant('tenant-a');
    expect([cache.get('sub-2'), cache.get('sub-3')?.userId]).toEqual([undefined, 'u3']);
  });

  it('when everything is invalidated (announcements may have been missed), then no entry is left and older lookups are not stored', () => {
    const cache = new PrincipalCache(60_000);
    cache.set('sub-1', principal('u1', 'tenant-a'), cache.generation);
    cache.set('sub-2', principal('u2', 'tenant-b'), cache.generation);
    const startedAt = cache.generation;
    cache.invalidateAll();
    cache.set('sub-3', principal('u3'), startedAt);
    expect([cache.get('sub-1'), cache.get('sub-2'), cache.get('sub-3')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('when a lookup started before an invalidation, then its (possibly stale) result is not stored', () => {
    const cache = new PrincipalCache(60_000);
    const startedAt = cache.generation;
    cache.invalidateUser('u1');
    cache.set('sub-1', principal('u1'), startedAt);
    expect(cache.get('sub-1')).toBeUndefined();
  });

  it('when the TTL is 0, then nothing is cached', () => {
    const cache = new PrincipalCache(0);
    cache.set('sub-1', principal('u1'), cache.generation);
    expect(cache.get('sub-1')).toBeUndefined();
  });

  it('when full, then the least recently used entry makes room', () => {
    const cache = new PrincipalCache(60_000, 2);
    cache.set('sub-1', principal('u1'), cache.generation);
    cache.set('sub-2', principal('u2'), cache.generation);
    cache.get('sub-1');
    cache.set('sub-3', principal('u3'), cache.generation);
    expect([cache.get('sub-1')?.userId, cache.get('sub-2'), cache.get('sub-3')?.userId]).toEqual([
      'u1',
      undefined,
      'u3',
    ]);
  });
});
