import { describe, expect, it, vi } from 'vitest';
import { isReady } from './readiness.ts';

describe('readiness', () => {
  it('when the process is shutting down, then it is not ready, without asking the database', async () => {
    const ping = vi.fn(async () => {});
    expect(await isReady({ db: { ping }, draining: true })).toBe(false);
    expect(ping).not.toHaveBeenCalled();
  });

  it('when the database answers, then it is ready; when it fails, then it is not', async () => {
    expect(await isReady({ db: { ping: async () => {} }, draining: false })).toBe(true);
    const down = async () => {
      throw new Error('connection refused');
    };
    expect(await isReady({ db: { ping: down }, draining: false })).toBe(false);
  });

  it('when the database does not answer in time, then it is not ready', async () => {
    vi.useFakeTimers();
    try {
      const answer = isReady({ db: { ping: () => new Promise(() => {}) }, draining: false });
      await vi.advanceTimersByTimeAsync(2_000);
      expect(await answer).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
