import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Muse — campaign ideas your clients approve', template: '%s · Muse' },
  description:
    'Muse helps social media agencies plan campaigns, generate on-brand post and reel ideas, and get them approved by clients.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#6d28d9' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prerendered: each page's scripts must carry that response's CSP nonce.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-slate-900">{children}</body>
    </html>
  );
}
