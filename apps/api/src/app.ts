import type { Database } from '@muse/db';
import { jsonBody, requestContext } from '@muse/http';
import type { Logger } from '@muse/logger';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import type { ApiConfig } from './config.ts';
import { accessLog } from './http/access-log.ts';
import {
  authenticate,
  authenticateFeed,
  authenticateReviewLink,
  authenticateStream,
  identify,
} from './http/authenticate.ts';
import { cors } from './http/cors.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { createHttpMetrics } from './http/metrics.ts';
import { createRateLimits } from './http/rate-limit.ts';
import { mountRoutes, type RouteDefinition } from './http/route-registry.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import { createActivityRoutes } from './modules/activity/activity.routes.ts';
import { createAnalyticsRoutes } from './modules/analytics/analytics.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { PrincipalCache } from './modules/auth/principal-cache.ts';
import type { TokenVerifier } from './modules/auth/token-verifier.ts';
import { createBrandProposalsRoutes } from './modules/brand-proposals/brand-proposals.routes.ts';
import { createBrandingRoutes } from './modules/branding/branding.routes.ts';
import { createCalendarRoutes } from './modules/calendar/calendar.routes.ts';
import { createCalendarService } from './modules/calendar/calendar.service.ts';
import { createCampaignsRoutes } from './modules/campaigns/campaigns.routes.ts';
import { createClientsRoutes } from './modules/clients/clients.routes.ts';
import { createCommentsRoutes } from './modules/comments/comments.routes.ts';
import { createDocsRoutes } from './modules/docs/docs.routes.ts';
import type { GenerationQueue } from './modules/generations/generations.queue.ts';
import { createGenerationsRoutes } from './modules/generations/generations.routes.ts';
import { createIdeasRoutes } from './modules/ideas/ideas.routes.ts';
import { createIdeasService } from './modules/ideas/ideas.service.ts';
import type { LiveHub } from './modules/live/live.hub.ts';
import { createLiveRoutes } from './modules/live/live.routes.ts';
import { createLiveTokens } from './modules/live/live.token.ts';
import { createMeRoutes } from './modules/me/me.routes.ts';
import { createNotificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { createOperationsRoutes, type Lifecycle } from './modules/operations/operations.routes.ts';
import { createReviewActionsRoutes } from './modules/review-actions/review-actions.routes.ts';
import { createReviewRoutes } from './modules/review-links/review.routes.ts';
import { createReviewLinksRoutes } from './modules/review-links/review-links.routes.ts';
import { createReviewLinksService } from './modules/review-links/review-links.service.ts';
import { createReviewRoundsRoutes } from './modules/review-rounds/review-rounds.routes.ts';
import { createSessionsRoutes } from './modules/sessions/sessions.routes.ts';
import { createSessionsService } from './modules/sessions/sessions.service.ts';
import { createTenantsRoutes } from './modules/tenants/tenants.routes.ts';
import { createUsageRoutes } from './modules/usage/usage.routes.ts';
import { createUsersRoutes } from './modules/users/users.routes.ts';
import { createTokenSigner } from './shared/signed-token.ts';

export interface AppDependencies {
  config: ApiConfig;
  db: Database;
  logger: Logger;
  verifier: TokenVerifier;
  /** Where generation requests enqueue their job (in the same transaction as the generation). */
  generationQueue: Pick<GenerationQueue, 'enqueue' | 'untilFinished'>;
  /** Where changes enqueue the jobs that follow them (mail, notifications), in their transaction. */
  jobs: Pick<JobQueue, 'enqueue'>;
  /** The process's live-event listener, which the streams of GET /api/events subscribe to. */
  live: Pick<LiveHub, 'subscribe'>;
  /** Shared rate-limit counters; in-process memory when absent. */
  redis?: Redis;
  /** Namespace of the rate-limit keys in Redis. */
  rateLimitPrefix?: string;
  lifecycle?: Lifecycle;
}

/** Builds the API without listening: main.ts listens, tests run it on port 0. */
export function createApp(deps: AppDependencies): Express {
  const { config, db, logger } = deps;
  const metrics = createHttpMetrics();
  const principals = new PrincipalCache(config.auth.cacheTtlMs);
  const sessions = createSessionsService({ db, principals, local: config.auth.mode === 'local' });
  const auth = createAuthService({ db, verifier: sessions.guard(deps.verifier), cache: principals });
  const signer = createTokenSigner(config.linkSigningSecret);
  const liveTokens = createLiveTokens(signer);
  const reviewLinks = createReviewLinksService({ db, jobs: deps.jobs, webOrigin: config.webOrigin, signer });
  const calendar = createCalendarService({ db, auth, webOrigin: config.webOrigin });

  const routes: RouteDefinition[] = [
    ...createOperationsRoutes({
      db,
      metrics: metrics.registry,
      metricsToken: config.metricsToken,
      instanceId: config.instanceId,
      lifecycle: deps.lifecycle ?? { draining: false },
    }),
    ...createDocsRoutes({ routes: () => routes }),
    ...createMeRoutes({ db }),
    ...createSessionsRoutes(sessions),
    ...createTenantsRoutes({ db, principals }),
    ...createUsersRoutes({ db, principals }),
    ...createClientsRoutes({ db }),
    ...createBrandProposalsRoutes({ db }),
    ...createCampaignsRoutes({ db }),
    ...createIdeasRoutes({ db, jobs: deps.jobs }),
    ...createCommentsRoutes({ db, jobs: deps.jobs }),
    ...createActivityRoutes({ db }),
    ...createAnalyticsRoutes({ db }),
    ...createGenerationsRoutes({
      db,
      queue: deps.generationQueue,
      settings: config.generation,
      metrics: metrics.registry,
      logger,
      redis: deps.redis,
      rateLimitPrefix: deps.rateLimitPrefix,
    }),
    ...createUsageRoutes({ db, settings: config.generation }),
    ...createBrandingRoutes({ db }),
    ...createNotificationsRoutes({
      db,
      signer,
      webOrigin: config.webOrigin,
      digestHour: config.notifications.digestHour,
    }),
    ...createReviewActionsRoutes({
      db,
      signer,
      webOrigin: config.webOrigin,
      ideas: createIdeasService({ db, jobs: deps.jobs }),
      links: reviewLinks,
    }),
    ...createReviewRoundsRoutes({ db, jobs: deps.jobs, webOrigin: config.webOrigin, signer }),
    ...createReviewLinksRoutes(reviewLinks),
    ...createReviewRoutes({ db, jobs: deps.jobs, links: reviewLinks }),
    ...createLiveRoutes({ db, hub: deps.live, tokens: liveTokens }),
    ...createCalendarRoutes(calendar),
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestContext(), accessLog(logger), metrics.middleware, helmet(), cors(config.corsOrigins));
  const rateLimits = createRateLimits({
    perIpPerMinute: config.rateLimit.perIpPerMinute,
    perUserPerMinute: config.rateLimit.perUserPerMinute,
    perTenantPerMinute: config.rateLimit.perTenantPerMinute,
    redis: deps.redis,
    redisPrefix: deps.rateLimitPrefix,
    logger,
  });
  // Ahead of routing, so a refused request never verifies a token nor opens a transaction.
  app.use('/api', rateLimits.perIp);
  mountRoutes(app, routes, {
    authenticate: authenticate(auth),
    identify: identify(auth),
    authenticateReviewLink: authenticateReviewLink(reviewLinks),
    authenticateStream: authenticateStream(liveTokens),
    authenticateFeed: authenticateFeed(calendar),
    rateLimits: rateLimits.perActor,
    jsonBody: jsonBody(config.jsonBodyLimit),
  });
  app.use(notFoundHandler(), errorHandler(logger));
  return app;
}
