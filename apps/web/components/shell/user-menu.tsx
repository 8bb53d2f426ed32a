'use client';

import { ArrowLeftRight, ChevronsUpDown } from 'lucide-react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { useSession } from '@/components/providers';
import { Avatar } from '@/components/ui/avatar';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { cn } from '@/lib/cn';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const session = useSession();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={cn(
          'flex items-center gap-2 rounded-lg text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500',
          compact ? 'p-1.5' : 'w-full p-2',
        )}
      >
        {/* Named in words, not by the initials on the avatar; the visible name, when shown, is the rest of it. */}
        <span className="sr-only">{compact ? `Account: ${session.name}` : 'Account:'}</span>
        <Avatar name={session.name} />
        {!compact && (
          <>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium text-slate-900">{session.name}</span>
              <span className="block truncate text-xs text-slate-500">{ROLE_LABELS[session.role]}</span>
            </span>
            <ChevronsUpDown className="size-4 text-slate-400" aria-hidden />
          </>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align={compact ? 'end' : 'start'} className="w-60">
        <DropdownMenuLabel>
          <span className="block text-sm font-medium text-slate-900">{session.name}</span>
          <span className="block truncate">{session.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          {/* A full page load: nothing of this workspace stays in the browser. */}
          <a href="/workspaces">
            <ArrowLeftRight className="size-4" aria-hidden />
            Switch workspace
          </a>
        </DropdownMenuItem>
        <SignOutButton />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
