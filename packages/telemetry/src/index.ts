import {
  type Attributes,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

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

/** The key of a job's data that carries the trace of the request that queued it. */
export const TRACE_CONTEXT_KEY = 'traceContext';
type TraceCarrier = Record<string, string>;

/** A job's data with the current trace context (`traceparent`) added, when there is one. */
export function withTraceContext<Data extends object>(data: Data): Data {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length === 0 ? data : { ...data, [TRACE_CONTEXT_KEY]: carrier };
}

/** Splits what `withTraceContext` added off a job's data. */
export function takeTraceContext(data: object): { data: object; carrier: TraceCarrier | undefined } {
  if (!(TRACE_CONTEXT_KEY in data)) return { data, carrier: undefined };
  const { [TRACE_CONTEXT_KEY]: carrier, ...rest } = data as Record<string, unknown>;
  return { data: rest, carrier: isCarrier(carrier) ? carrier : undefined };
}

function isCarrier(value: unknown): value is TraceCarrier {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

/** Runs a job's handler in a consumer span, a child of the request that queued it. */
export function runJobSpan<T>(
  job: { name: string; id: string; carrier: TraceCarrier | undefined },
  run: () => Promise<T>,
): Promise<T> {
  const parent = job.carrier ? propagation.extract(ROOT_CONTEXT, job.carrier) : ROOT_CONTEXT;
  return inSpan(
    `${job.name} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'pg-boss',
        'messaging.operation.type': 'process',
        'messaging.destination.name': job.name,
        'messaging.message.id': job.id,
      },
    },
    run,
    parent,
  );
}

/** Runs `run` in a span of its own, recording a failure; `run` may add attributes as it learns them. */
export function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes },
  run: (span: Span) => Promise<T>,
  parent = context.active(),
): Promise<T> {
  return tracer.startActiveSpan(name, options, parent, async (span) => {
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
