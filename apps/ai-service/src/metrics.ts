import { requestDurations } from '@muse/http';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per app instance, so tests can build several apps in one process. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    /** Middleware timing each request by the route pattern it matched. */
    httpRequestDurations: requestDurations({
      registry,
      name: 'muse_ai_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      statusLabel: 'status_code',
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 45, 60],
      routeOf: (req) => (req.route ? `${req.baseUrl}${req.route.path}` : undefined),
    }),
    llmCallDuration: new Histogram({
      name: 'muse_ai_llm_call_duration_seconds',
      help: 'Duration of each LLM call attempt, by purpose (post, reel) and outcome (ok or the error code)',
      labelNames: ['purpose', 'outcome'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
      registers,
    }),
    llmTokens: new Counter({
      name: 'muse_ai_llm_tokens_total',
      help: 'LLM tokens used, by type (prompt, completion), retried and rejected calls included',
      labelNames: ['type'] as const,
      registers,
    }),
    llmRetries: new Counter({
      name: 'muse_ai_llm_retries_total',
      help: 'LLM call retries, by the error code that caused them',
      labelNames: ['reason'] as const,
      registers,
    }),
    generations: new Counter({
      name: 'muse_ai_generations_total',
      help: 'Generation runs, by outcome (succeeded or the error code)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    guardrailRejections: new Counter({
      name: 'muse_ai_guardrail_rejections_total',
      help: 'Generated ideas rejected by a guardrail, by rule',
      labelNames: ['rule'] as const,
      registers,
    }),
    ideasDropped: new Counter({
      name: 'muse_ai_ideas_dropped_total',
      help: 'Ideas left out after every regeneration round failed, by type',
      labelNames: ['type'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
