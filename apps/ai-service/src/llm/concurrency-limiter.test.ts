import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from './concurrency-limiter.ts';

describe('concurrency limiter', () => {
  it('when more tasks than the limit run, then never more than the limit run at once, in arrival order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map(async (task) => {
        const release = await limiter.acquire();
        started.push(task);
        running++;
        peak = Math.max(peak, running);
        await sleep(10);
        running--;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(limiter.running).toBe(0);
  });

  it('when a queued caller aborts, then it leaves the queue and the others still get their turn', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const release = await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    expect(limiter.waiting).toBe(1);
    release();
    release();
    (await next)();
    expect(limiter.running).toBe(0);
  });
});
