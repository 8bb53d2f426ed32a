import { apiTokenForRequest } from '@/lib/auth/current-session';

export const dynamic = 'force-dynamic';

/** The browser's Bearer token for the API and its workspace, handed out only to the same-origin session cookie. */
export async function GET() {
  const token = await apiTokenForRequest();
  const headers = { 'cache-control': 'no-store' };
  if (!token)
    return Response.json(
      { error: { code: 'unauthenticated', message: 'Sign in again.' } },
      { status: 401, headers },
    );
  return Response.json(token, { headers });
}
