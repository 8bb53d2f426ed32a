import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after.ts';

describe('Retry-After', () => {
  it('when the server sends retry-after-ms, then it wins over retry-after', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500);
  });

  it('when the server sends seconds, then they are turned into milliseconds', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.5' }))).toBe(500);
  });

  it('when the server sends an HTTP date, then the wait is the time until it', () => {
    const now = Date.parse('2026-03-02T08:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Mon, 02 Mar 2026 08:00:03 GMT' }), now)).toBe(3000);
  });

  it('when the header is missing or nonsense, then there is no wait to honour', () => {
    expect(retryAfterMs(new Headers())).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});
