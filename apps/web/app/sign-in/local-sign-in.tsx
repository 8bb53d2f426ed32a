'use client';

import type { Role } from '@muse/contracts';
import { ArrowRight, LogIn } from 'lucide-react';
import { useActionState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { DemoAccount } from '@/lib/auth/demo-accounts';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { type SignInState, signInLocally } from './actions';

const ROLE_TONES: Record<Role, BadgeTone> = {
  PLATFORM_ADMIN: 'danger',
  AGENCY_ADMIN: 'brand',
  AGENCY_MEMBER: 'info',
  CLIENT: 'success',
};

export function LocalSignIn({ accounts, returnTo }: { accounts: readonly DemoAccount[]; returnTo?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInLocally, {});
  return (
    <div className="grid grid-cols-1 gap-6">
      {state.error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700">
          {state.error}
        </p>
      )}
      <form action={action} aria-label="Demo accounts">
        {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
          {accounts.map((account) => (
            <li key={account.email}>
              <button
                type="submit"
                name="email"
                value={account.email}
                disabled={pending}
                className="group flex w-full items-center gap-3 px-4 py-3 text-left transition-colors hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:outline-none disabled:opacity-60"
              >
                <Avatar name={account.name} />
                <span className="min-w-0 flex-1">
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <span className="font-medium text-slate-900">{account.name}</span>
                    <Badge tone={ROLE_TONES[account.role]}>{ROLE_LABELS[account.role]}</Badge>
                  </span>
                  <span className="block truncate text-xs text-slate-500">
                    {account.email} · {account.workspace}
                  </span>
                </span>
                <ArrowRight
                  className="size-4 shrink-0 text-slate-300 transition-transform group-hover:translate-x-0.5 group-hover:text-brand-600"
                  aria-hidden
                />
              </button>
            </li>
          ))}
        </ul>
      </form>
      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500">
        <span className="h-px flex-1 bg-slate-200" />
        or any invited user
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <form action={action} className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
        {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
        <Field id="email" label="Email">
          {(control) => (
            <Input
              {...control}
              name="email"
              type="email"
              autoComplete="email"
              placeholder="name@agency.com"
              defaultValue={state.email}
              required
            />
          )}
        </Field>
        <Button type="submit" pending={pending}>
          <LogIn aria-hidden />
          Sign in
        </Button>
      </form>
    </div>
  );
}
