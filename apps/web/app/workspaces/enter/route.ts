import { PLATFORM_WORKSPACE } from '@muse/contracts';
import { NextResponse } from 'next/server';
import { enterWorkspace, formId } from '@/lib/auth/enter-workspace';

/** A form POST from the workspace page (same-site only: the identity cookie is SameSite=Lax). */
export async function POST(request: Request) {
  const form = await request.formData();
  const workspace = formId(form, 'workspace', [PLATFORM_WORKSPACE]);
  if (!workspace) return NextResponse.redirect(new URL('/workspaces', request.url), 303);
  const returnTo = form.get('returnTo');
  return enterWorkspace(request, { workspace }, typeof returnTo === 'string' ? returnTo : null);
}
