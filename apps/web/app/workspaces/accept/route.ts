import { NextResponse } from 'next/server';
import { enterWorkspace, formId } from '@/lib/auth/enter-workspace';

/** Accepts an invitation from the workspace page, then opens its workspace. */
export async function POST(request: Request) {
  const form = await request.formData();
  const invitation = formId(form, 'invitation');
  if (!invitation) return NextResponse.redirect(new URL('/workspaces', request.url), 303);
  const returnTo = form.get('returnTo');
  return enterWorkspace(request, { invitation }, typeof returnTo === 'string' ? returnTo : null);
}
