import path from 'node:path';
import type { NextConfig } from 'next';

/** Sent with every response, assets included; the CSP needs a per-request nonce and is set in proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // Only in production: a browser would otherwise remember to refuse plain-HTTP development servers.
  ...(process.env.NODE_ENV === 'production'
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];

const config: NextConfig = {
  output: 'standalone',
  outputFileTracingRoot: path.join(import.meta.dirname, '../..'),
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: ['@muse/contracts'],
  // With tracing on (instrumentation.ts), a page carries its render's trace for its API calls.
  experimental: { clientTraceMetadata: ['traceparent'] },
  headers: async () => [
    { source: '/:path*', headers: securityHeaders },
    // A review link's address holds its token: it is never sent on as a referrer, nor indexed.
    {
      source: '/review/:token*',
      headers: [
        { key: 'Referrer-Policy', value: 'no-referrer' },
        { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
      ],
    },
  ],
};

export default config;
