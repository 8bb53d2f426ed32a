import { instanceHeaders, operationsRoutes } from '@muse/contracts';
import { serverConfig } from '@/lib/server-config';

export const dynamic = 'force-dynamic';

/** Ready when the API, which every page needs, answers its own readiness check. */
export async function GET() {
  const api = await fetch(`${serverConfig.API_URL}${operationsRoutes.readyz.path}`, {
    signal: AbortSignal.timeout(2000),
    cache: 'no-store',
  })
    .then((response) => (response.ok ? 'ok' : 'failed'))
    .catch(() => 'failed' as const);
  const ok = api === 'ok';
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', service: 'web', checks: { api } },
    { status: ok ? 200 : 503, headers: instanceHeaders(serverConfig.MUSE_INSTANCE_ID) },
  );
}
