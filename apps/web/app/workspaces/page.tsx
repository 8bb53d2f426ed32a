import { type MyWorkspaces, RouteCallError, type Workspace } from '@muse/contracts';
import { ArrowRight, Building2, MailOpen } from 'lucide-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Logo } from '@/components/shell/logo';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { apiTokenFor, currentIdentity, currentSession } from '@/lib/auth/current-session';
import { identityApi } from '@/lib/auth/resolve-user';
import { ROLE_LABELS, safeReturnPath } from '@/lib/auth/roles';
import { signInErrorMessage } from '@/lib/auth/sign-in-errors';

export const metadata: Metadata = { title: 'Workspaces' };

const ERRORS: Record<string, string> = {
  invitation: 'That invitation is no longer open. Ask the agency to invite you again.',
};

function unavailable(workspace: Workspace): string | null {
  if (workspace.status === 'DISABLED') return 'Your access is disabled';
  if (workspace.tenantStatus === 'SUSPENDED') return 'Suspended';
  return null;
}

export default async function WorkspacesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const identity = await currentIdentity();
  const token = identity && (await apiTokenFor(identity));
  if (!identity || !token) redirect('/sign-in?returnTo=/workspaces');
  const current = (await currentSession())?.workspace;
  const returnTo = safeReturnPath(typeof params.returnTo === 'string' ? params.returnTo : null) ?? '';
  const error =
    typeof params.error === 'string' ? (ERRORS[params.error] ?? signInErrorMessage(params.error)) : null;
  let mine: MyWorkspaces | null = null;
  try {
    mine = await identityApi(token.token).workspaces();
  } catch (failure) {
    // A session that ended (signed out elsewhere, disabled) signs in again rather than waits here.
    if (failure instanceof RouteCallError && failure.status === 401) redirect('/sign-in?expired=1');
    mine = null;
  }

  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-50 px-4 py-10 sm:py-16">
      <div className="w-full max-w-lg">
        <Logo className="mx-auto" />
        <h1 className="mt-8 text-center text-2xl font-semibold tracking-tight text-slate-900">
          Your workspaces
        </h1>
        <p className="mt-2 text-center text-sm text-slate-500">Signed in as {identity.email || 'you'}.</p>
        {(error || !mine) && (
          <p
            role="alert"
            className="mt-6 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700"
          >
            {error ?? signInErrorMessage('unreachable')}
          </p>
        )}
        {mine && mine.invitations.length > 0 && (
          <section aria-labelledby="invitations" className="mt-8">
            <h2 id="invitations" className="text-sm font-semibold text-slate-900">
              Invitations
            </h2>
            <ul className="mt-3 space-y-3">
              {mine.invitations.map((invitation) => (
                <li key={invitation.id} className="rounded-xl border border-brand-100 bg-white p-4 shadow-xs">
                  <div className="flex items-start gap-3">
                    <MailOpen className="mt-0.5 size-5 shrink-0 text-brand-600" aria-hidden />
                    <div className="min-w-0 flex-1">
                      <p className="text-sm text-slate-900">
                        <span className="font-medium">{invitation.workspace.name}</span> invited you as{' '}
                        {ROLE_LABELS[invitation.role].toLowerCase()}.
                      </p>
                      <p className="mt-1 text-xs text-slate-500">
                        You join only if you accept; until then the agency sees the invitation as pending.
                      </p>
                    </div>
                  </div>
                  <form action="/workspaces/accept" method="post" className="mt-3 flex justify-end">
                    <input type="hidden" name="invitation" value={invitation.id} />
                    <input type="hidden" name="returnTo" value={returnTo} />
                    <Button type="submit" size="sm">
                      Accept and open {invitation.workspace.name}
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        )}
        {mine && mine.workspaces.length > 0 && (
          <section aria-labelledby="workspaces" className="mt-8">
            <h2 id="workspaces" className="text-sm font-semibold text-slate-900">
              Open a workspace
            </h2>
            <ul className="mt-3 space-y-2">
              {mine.workspaces.map((workspace) => {
                const blocked = unavailable(workspace);
                return (
                  <li key={workspace.id}>
                    <form action="/workspaces/enter" method="post">
                      <input type="hidden" name="workspace" value={workspace.id} />
                      <input type="hidden" name="returnTo" value={returnTo} />
                      <button
                        type="submit"
                        disabled={blocked !== null}
                        className="flex w-full items-center gap-3 rounded-xl border border-slate-200 bg-white p-4 text-left shadow-xs hover:border-brand-300 hover:bg-brand-50/40 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-60"
                      >
                        <Building2 className="size-5 shrink-0 text-slate-400" aria-hidden />
                        <span className="min-w-0 flex-1">
                          <span className="block truncate text-sm font-medium text-slate-900">
                            {workspace.name}
                          </span>
                          <span className="block text-xs text-slate-500">
                            {blocked ?? ROLE_LABELS[workspace.role]}
                          </span>
                        </span>
                        {workspace.id === current && <Badge>Current</Badge>}
                        {blocked === null && <ArrowRight className="size-4 text-slate-400" aria-hidden />}
                      </button>
                    </form>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        {mine && mine.workspaces.length === 0 && mine.invitations.length === 0 && (
          <p className="mt-8 rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-600">
            You are not in any workspace yet. Ask your agency admin for an invitation to this email.
          </p>
        )}
        <div className="mt-8 flex justify-center">
          <SignOutButton className="w-auto" />
        </div>
      </div>
    </main>
  );
}
