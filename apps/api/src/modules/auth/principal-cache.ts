import type { Principal } from './principal.ts';

/**
 * Verified subject → principal, for a few seconds, so most requests resolve their user without
 * a database round trip. Disabling a user, changing its role or suspending a tenant invalidates
 * the entries at once (in this process; other processes see it within the TTL). Each
 * invalidation bumps a generation: a lookup that started before it may not store its result.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; expiresAt: number }>();
  private currentGeneration = 0;

  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(ttlMs: number, maxEntries = 10_000, now: () => number = Date.now) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.now = now;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get(subject: string): Principal | undefined {
    const entry = this.entries.get(subject);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(subject);
      return undefined;
    }
    return entry.principal;
  }

  /** Stores a principal loaded while `generation` was current; refused if anything was invalidated since. */
  set(subject: string, principal: Principal, generation: number): void {
    if (this.ttlMs <= 0 || generation !== this.currentGeneration) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(subject, { principal, expiresAt: this.now() + this.ttlMs });
  }

  invalidateUser(userId: string): void {
    this.invalidate((principal) => principal.userId === userId);
  }

  invalidateTenant(tenantId: string): void {
    this.invalidate((principal) => principal.tenantId === tenantId);
  }

  private invalidate(matches: (principal: Principal) => boolean): void {
    this.currentGeneration += 1;
    for (const [subject, entry] of this.entries) {
      if (matches(entry.principal)) this.entries.delete(subject);
    }
  }
}
