import { RouteCallError } from '@muse/contracts';
import { NextResponse } from 'next/server';
import { answerReviewAction } from '@/lib/signed-links';

export const dynamic = 'force-dynamic';

/** The confirmation page's button: gives the answer, then back to the page, which says how it went. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  const comment = String(form?.get('comment') ?? '').trim();
  const page = new URL(`/act/${encodeURIComponent(token)}`, request.url);
  try {
    await answerReviewAction(token, comment || undefined);
  } catch (error) {
    const missingComment = error instanceof RouteCallError && error.code === 'invalid_input' && !comment;
    page.searchParams.set('error', missingComment ? 'comment' : 'failed');
  }
  return NextResponse.redirect(page, 303);
}
