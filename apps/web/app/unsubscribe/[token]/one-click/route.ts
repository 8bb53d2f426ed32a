import { RouteCallError } from '@muse/contracts';
import { NextResponse } from 'next/server';
import { unsubscribe } from '@/lib/signed-links';

export const dynamic = 'force-dynamic';

/**
 * Unsubscribes, by POST only: the one-click address of a message's List-Unsubscribe header
 * (RFC 8058, posted by the mail provider), and the button of the unsubscribe page, which comes
 * back to the page with the outcome. A GET (a scanner following the link) changes nothing.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get('from') === 'page';
  const page = new URL(`/unsubscribe/${encodeURIComponent(token)}`, request.url);
  try {
    const result = await unsubscribe(token);
    if (!fromPage) return new NextResponse('Unsubscribed', { status: 200 });
    page.searchParams.set('stopped', result.stopped);
    if (result.preferencesUrl) page.searchParams.set('settings', result.preferencesUrl);
  } catch (error) {
    const invalid = error instanceof RouteCallError && error.code === 'invalid_input';
    if (!fromPage)
      return new NextResponse(invalid ? 'Not a valid unsubscribe link' : 'Try again later', {
        status: invalid ? 400 : 503,
      });
    page.searchParams.set('failed', invalid ? 'invalid' : 'unavailable');
  }
  return NextResponse.redirect(page, 303);
}
