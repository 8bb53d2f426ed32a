'use client';

import { ClerkProvider, SignIn } from '@clerk/nextjs';

/** Clerk's hosted sign-in; afterwards /session/start looks the user up in Muse. */
export default function ClerkSignIn({
  publishableKey,
  returnTo,
}: {
  publishableKey: string;
  returnTo?: string;
}) {
  const next = `/session/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
  return (
    <ClerkProvider publishableKey={publishableKey}>
      <div className="flex justify-center">
        <SignIn routing="hash" forceRedirectUrl={next} signUpUrl={undefined} />
      </div>
    </ClerkProvider>
  );
}
