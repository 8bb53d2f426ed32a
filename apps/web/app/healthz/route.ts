import { instanceHeaders } from '@muse/contracts';
import { serverConfig } from '@/lib/server-config';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(
    { status: 'ok', service: 'web' },
    { headers: instanceHeaders(serverConfig.MUSE_INSTANCE_ID) },
  );
}
