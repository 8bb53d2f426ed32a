import { LRUCache } from 'lru-cache';
import type { Principal } from './principal.ts';

/**
 * Verified subject → principal, for a few seconds, so most requests resolve their user without
 * a database round trip. Disabling a user, changing its role or suspending a tenant invalidates
 * the entries at once in this process, and in the others when its announcement reaches them
 * (`auth-changes.ts`; within the TTL at worst). Each invalidation bumps a generation: a lookup
 * that started before it may not store its result.
 */
export class PrincipalCache {
  private readonly entries: LRUCache<string, Principal> | undefined;
  private currentGeneration = 0;

  constructor(ttlMs: number, maxEntries = 10_000, now: () => number = Date.now) {
    // A TTL of 0 turns caching off; the clock is read on every lookup, so an entry never outlives it.
    this.entries =
      ttlMs > 0 ? new LRUCache({ max: maxEntries, ttl: ttlMs, ttlResolution: 0, perf: { now } }) : undefined;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get(subject: string): Principal | undefined {
    return this.entries?.get(subject);
  }

  /** Stores a principal loaded while `generation` was current; refused if anything was invalidated since. */
  set(subject: string, principal: Principal, generation: number): void {
    if (generation === this.currentGeneration) this.entries?.set(subject, principal);
  }

  invalidateUser(userId: string): void {
    this.invalidate((principal) => principal.userId === userId);
  }

  invalidateTenant(tenantId: string): void {
    this.invalidate((principal) => principal.tenantId === tenantId);
  }

  /** Changes may have been missed (announcements not heard): nothing cached is trusted. */
  invalidateAll(): void {
    this.invalidate(() => true);
  }

  private invalidate(matches: (principal: Principal) => boolean): void {
    this.currentGeneration += 1;
    const entries = this.entries;
    if (!entries) return;
    const gone = [...entries.entries()]
      .filter(([, principal]) => matches(principal))
      .map(([subject]) => subject);
    for (const subject of gone) entries.delete(subject);
  }
}
