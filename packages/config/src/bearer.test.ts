import { describe, expect, it } from 'vitest';
import { bearerMatches, metricsScrapeStatus } from './bearer.ts';

describe('bearer token check', () => {
  it('when the header carries the secret, then it matches; otherwise, or without a header, it does not', () => {
    const secret = 'a-metrics-token-of-32-characters';
    expect(bearerMatches(`Bearer ${secret}`, secret)).toBe(true);
    expect(bearerMatches(`bearer ${secret}`, secret)).toBe(true);
    expect(bearerMatches(`Bearer ${secret}x`, secret)).toBe(false);
    expect(bearerMatches(secret, secret)).toBe(false);
    expect(bearerMatches('Bearer ', secret)).toBe(false);
    expect(bearerMatches(undefined, secret)).toBe(false);
  });
});

describe('metrics scrape access', () => {
  it('when no token is configured, then metrics are off; with one, only its bearer may scrape', () => {
    const token = 'scrape-token-0123456789';
    expect(metricsScrapeStatus(`Bearer ${token}`, undefined)).toBe(404);
    expect(metricsScrapeStatus(undefined, token)).toBe(401);
    expect(metricsScrapeStatus('Bearer wrong-token-0123456789', token)).toBe(401);
    expect(metricsScrapeStatus(`Bearer ${token}`, token)).toBe(200);
  });
});
