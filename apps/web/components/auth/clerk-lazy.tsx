'use client';

import dynamic from 'next/dynamic';

// Clerk's SDK (about 40 KB compressed) sits behind these split points: a page fetches it only
// when it renders one of them, which only Clerk mode does. Imported by a server component, the
// SDK would be part of every page's first load, local mode included.

/** Keeps the short-lived Clerk session fresh in the signed-in areas. */
export const LazyClerkProvider = dynamic(() => import('@clerk/nextjs').then((clerk) => clerk.ClerkProvider));

/** Clerk's hosted sign-in form. */
export const LazyClerkSignIn = dynamic(() => import('./clerk-sign-in'));
