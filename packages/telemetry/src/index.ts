import { type Attributes, type Span, type SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * What services use of tracing. Only the OpenTelemetry API, which does nothing until a service
 * started the SDK (`@muse/telemetry/start`): with tracing off these are no-ops.
 */

const tracer = trace.getTracer('@muse/telemetry');

/** The trace and span a log line was written in, under the names log pipelines look for. */
export function activeTraceIds(): { trace_id: string; span_id: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

/** Runs `run` in a span of its own, recording a failure; `run` may add attributes as it learns them. */
export function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes },
  run: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await run(span);
    } catch (error) {
      // The kind of failure only: a message may quote what the model or a user wrote.
      span.setAttribute('error.type', errorType(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

function errorType(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : typeof error;
}

export { SpanKind } from '@opentelemetry/api';
