import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { RedactAddresses } from './redact.ts';

/**
 * The SDK as a service starts it, exporting to memory instead of OTLP, for tests that check what
 * a trace holds. One per test file: it registers the process's global tracer provider.
 */
export function startInMemoryTracing() {
  const exporter = new InMemorySpanExporter();
  const exporting = new SimpleSpanProcessor({ exporter });
  const sdk = new NodeSDK({
    spanProcessors: [new RedactAddresses(), exporting],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [],
  });
  sdk.start();
  return {
    /** The spans ended so far (each is exported asynchronously). */
    async finished(): Promise<ReadableSpan[]> {
      await exporting.forceFlush();
      return exporter.getFinishedSpans();
    },
    reset: () => exporter.reset(),
    stop: () => sdk.shutdown(),
  };
}
