import type { Metadata } from 'next';
import { LazyClerkSignIn } from '@/components/auth/clerk-lazy';
import { Logo } from '@/components/shell/logo';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { safeReturnPath } from '@/lib/auth/roles';
import { signInErrorMessage } from '@/lib/auth/sign-in-errors';
import { serverConfig } from '@/lib/server-config';
import { LocalSignIn } from './local-sign-in';

export const metadata: Metadata = { title: 'Sign in' };

function notice(params: Record<string, string | string[] | undefined>) {
  if (typeof params.error === 'string')
    return { tone: 'error', text: signInErrorMessage(params.error) } as const;
  if (params.expired)
    return {
      tone: 'info',
      text: 'Your session expired. Sign in again to pick up where you left off.',
    } as const;
  if (params.signedOut) return { tone: 'info', text: 'You are signed out.' } as const;
  return null;
}

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const params = await searchParams;
  const returnTo = safeReturnPath(typeof params.returnTo === 'string' ? params.returnTo : null) ?? undefined;
  const message = notice(params);
  const clerk = serverConfig.AUTH_MODE === 'clerk' && serverConfig.CLERK_PUBLISHABLE_KEY;
  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-50 px-4 py-10 sm:py-16">
      <div className="w-full max-w-lg">
        <Logo className="mx-auto" />
        <h1 className="mt-8 text-center text-2xl font-semibold tracking-tight text-slate-900">
          Sign in to Muse
        </h1>
        <p className="mt-2 text-center text-sm text-slate-500">
          {clerk ? 'Use your work account.' : 'Local demo mode: pick an account to explore its view of Muse.'}
        </p>
        {message && (
          <p
            role={message.tone === 'error' ? 'alert' : 'status'}
            className={
              message.tone === 'error'
                ? 'mt-6 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700'
                : 'mt-6 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-800'
            }
          >
            {message.text}
          </p>
        )}
        <div className="mt-6">
          {clerk ? (
            <LazyClerkSignIn publishableKey={clerk} returnTo={returnTo} />
          ) : (
            <LocalSignIn accounts={DEMO_ACCOUNTS} returnTo={returnTo} />
          )}
        </div>
      </div>
    </main>
  );
}
