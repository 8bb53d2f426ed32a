import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import { RedactAddresses } from './redact.ts';

/** Probes and scrapes every few seconds would bury the requests people make. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function untraced(url: string | undefined): boolean {
  return UNTRACED_PATHS.has((url ?? '').split('?')[0] ?? '');
}

/**
 * Traces to OTEL_EXPORTER_OTLP_ENDPOINT (OTLP over HTTP, JSON), the service named by
 * OTEL_SERVICE_NAME, W3C trace context in and out. Metrics stay with Prometheus and logs with
 * pino (which stamps each line with the trace), so neither is exported here.
 */
export function startTracing(): NodeSDK {
  const sdk = new NodeSDK({
    spanProcessors: [new RedactAddresses(), new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => untraced(request.url) }),
      // The handler's span, not one per middleware of the pipeline (a dozen a request).
      new ExpressInstrumentation({
        ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER],
      }),
      new UndiciInstrumentation(),
      // The queue's polling and the live hub's listening are not anybody's request.
      new PgInstrumentation({ requireParentSpan: true }),
      // Operations, transactions and their queries; not the client's own serializing and compiling.
      new PrismaInstrumentation({ ignoreSpanTypes: ['prisma:client:serialize', 'prisma:client:compile'] }),
    ],
  });
  sdk.start();
  return sdk;
}
