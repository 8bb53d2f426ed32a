'use client';

import type { Role } from '@muse/contracts';
import {
  Building2,
  CalendarDays,
  ChartColumn,
  Gauge,
  LayoutDashboard,
  Megaphone,
  Palette,
  ShieldCheck,
  Users,
} from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

export type ShellArea = 'app' | 'admin';

const NAV = {
  app: [
    { href: '/app', label: 'Dashboard', icon: LayoutDashboard, exact: true },
    { href: '/app/clients', label: 'Clients', icon: Building2 },
    { href: '/app/campaigns', label: 'Campaigns', icon: Megaphone },
    { href: '/app/calendar', label: 'Calendar', icon: CalendarDays },
    { href: '/app/approvals', label: 'Approvals', icon: ChartColumn },
    { href: '/app/team', label: 'Team', icon: Users, adminOnly: true },
    { href: '/app/usage', label: 'Usage', icon: Gauge, adminOnly: true },
    { href: '/app/branding', label: 'Branding', icon: Palette, adminOnly: true },
  ],
  admin: [{ href: '/admin', label: 'Agencies', icon: ShieldCheck, exact: true }],
} as const;

export function NavLinks({
  area,
  role,
  onNavigate,
}: {
  area: ShellArea;
  role: Role;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="grid gap-0.5">
      {NAV[area]
        .filter((item) => !('adminOnly' in item && item.adminOnly) || role === 'AGENCY_ADMIN')
        .map((item) => {
          const active =
            'exact' in item && item.exact ? pathname === item.href : pathname.startsWith(item.href);
          const Icon = item.icon;
          return (
            <Link
              key={item.href}
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-brand-500',
                active
                  ? 'bg-brand-50 text-brand-700'
                  : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
              )}
            >
              <Icon className={cn('size-4', active ? 'text-brand-600' : 'text-slate-400')} aria-hidden />
              {item.label}
            </Link>
          );
        })}
    </nav>
  );
}
