import type { Role } from '@muse/contracts';

/** Each role works in one area of the app. */
export const HOME_BY_ROLE: Record<Role, '/admin' | '/app' | '/portal'> = {
  PLATFORM_ADMIN: '/admin',
  AGENCY_ADMIN: '/app',
  AGENCY_MEMBER: '/app',
  CLIENT: '/portal',
};

export const ROLE_LABELS: Record<Role, string> = {
  PLATFORM_ADMIN: 'Platform admin',
  AGENCY_ADMIN: 'Agency admin',
  AGENCY_MEMBER: 'Agency member',
  CLIENT: 'Client',
};

export function areaOf(pathname: string): '/admin' | '/app' | '/portal' | null {
  for (const area of ['/admin', '/app', '/portal'] as const) {
    if (pathname === area || pathname.startsWith(`${area}/`)) return area;
  }
  return null;
}

/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
