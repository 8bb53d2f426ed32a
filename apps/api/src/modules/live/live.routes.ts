import { liveRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { liveReaderOf } from './live.audience.ts';
import type { LiveHub } from './live.hub.ts';
import { resumePoint, serveLiveStream } from './live.stream.ts';
import type { LiveTokens } from './live.token.ts';

export function createLiveRoutes(deps: {
  db: Database;
  hub: Pick<LiveHub, 'subscribe'>;
  tokens: LiveTokens;
}) {
  const { tokens } = deps;
  return [
    implementRoute(liveRoutes.token, {
      access: 'live.read',
      handle: (_request, actor) => tokens.issue(liveReaderOf(actor)),
    }),
    implementRoute(liveRoutes.reviewToken, {
      access: 'review-link',
      handle: (_request, actor) => tokens.issue(liveReaderOf(actor)),
    }),
    implementRoute(liveRoutes.stream, {
      access: 'stream-token',
      respond: ({ query }, grant, { req, res }) =>
        serveLiveStream(
          deps,
          { reader: grant.reader, endsAt: grant.endsAt, resumeAfter: resumePoint(req, query.lastEventId) },
          res,
        ),
    }),
  ];
}
