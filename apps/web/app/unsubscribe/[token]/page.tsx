import type { Metadata } from 'next';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Unsubscribe', referrer: 'no-referrer' };

/** A web origin's own page, named in a query parameter only when the API built it. */
const isOwnSettingsPage = (value: string | undefined) =>
  value !== undefined && /^https?:\/\/[^/]+\/(app|portal)\/notifications$/.test(value);

/**
 * Where a message's "Unsubscribe" link leads. Opening it changes nothing (mail scanners open
 * links); the button posts, and the page then says what stopped.
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ stopped?: string; settings?: string; failed?: string }>;
}) {
  const { token } = await params;
  const { stopped, settings, failed } = await searchParams;
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 px-4 py-16">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
        {stopped ? (
          <>
            <h1 className="text-lg font-semibold text-slate-900">You are unsubscribed</h1>
            <p className="mt-2 text-sm text-slate-600">No more email for: {stopped}.</p>
            {isOwnSettingsPage(settings) && (
              <p className="mt-4 text-sm">
                <a className="font-medium text-brand-700 hover:underline" href={settings}>
                  Change your email settings
                </a>
              </p>
            )}
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold text-slate-900">Stop these emails?</h1>
            {failed === 'invalid' ? (
              <p role="alert" className="mt-2 text-sm text-red-700">
                This unsubscribe link is not valid. Use the link of a recent message, or change your email
                settings after signing in.
              </p>
            ) : failed === 'unavailable' ? (
              <p role="alert" className="mt-2 text-sm text-red-700">
                We could not unsubscribe you just now. Please try again in a minute.
              </p>
            ) : (
              <p className="mt-2 text-sm text-slate-600">
                You will stop getting messages of the kind this one was. You can turn them on again in your
                email settings.
              </p>
            )}
            <form
              method="post"
              action={`/unsubscribe/${encodeURIComponent(token)}/one-click`}
              className="mt-5"
            >
              <input type="hidden" name="from" value="page" />
              <Button type="submit">Unsubscribe</Button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
