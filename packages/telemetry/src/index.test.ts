import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { activeTraceIds, inSpan } from './index.ts';
import { redactAddress } from './redact.ts';
import { startInMemoryTracing } from './testing.ts';

describe('with tracing off', () => {
  it('when code runs in a span, then nothing is recorded and no trace is active', async () => {
    const seen = await inSpan('work', {}, async (span) => {
      expect(span.isRecording()).toBe(false);
      return activeTraceIds();
    });
    expect(seen).toBeUndefined();
  });
});

describe('with the SDK started', () => {
  let tracing: ReturnType<typeof startInMemoryTracing>;
  beforeAll(() => {
    tracing = startInMemoryTracing();
  });
  afterAll(() => tracing.stop());
  beforeEach(() => tracing.reset());

  it('when code runs in a span, then the span is active and its ids are what the logs carry', async () => {
    const seen = await inSpan('work', {}, async () => activeTraceIds());
    const [span] = await tracing.finished();
    expect(seen).toEqual({ trace_id: span?.spanContext().traceId, span_id: span?.spanContext().spanId });
  });

  it('when a span fails, then it records the kind of failure and not its message', async () => {
    const failure = Object.assign(new Error('The model refused: the brief says something private'), {
      code: 'bad_output',
    });
    await expect(inSpan('chat', {}, () => Promise.reject(failure))).rejects.toBe(failure);
    const [span] = await tracing.finished();
    expect(span?.attributes['error.type']).toBe('bad_output');
    expect(JSON.stringify([span?.attributes, span?.events, span?.status])).not.toContain('private');
  });

  it('when a span holds a token in its address, then it is exported without it', async () => {
    const token = 'Zb3k9QmT_4vXy2LwR8nJc1HsPq6DfGu0aEoKiYtN5Ml';
    await inSpan(`GET /review/${token}`, {}, async (span) => {
      span.setAttribute('http.target', `/api/events?token=${token}&lastEventId=4`);
      span.setAttribute('url.full', `http://web/act/${token}.sig/answer`);
    });
    const [span] = await tracing.finished();
    expect(JSON.stringify([span?.name, span?.attributes])).not.toContain(token);
    expect(span?.attributes['http.target']).toBe('/api/events?token=[redacted]&lastEventId=[redacted]');
  });

  it('when a trace context comes in a W3C traceparent, then it is read', () => {
    const carrier = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
    const extracted = propagation.extract(context.active(), carrier);
    expect(trace.getSpanContext(extracted)?.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });
});

describe('redactAddress', () => {
  it('when an address holds ids or a span is named after code, then they stay readable', () => {
    const id = '3f1c2a4e-8b7d-4c1e-9a2f-5d6e7f8a9b0c';
    expect(redactAddress(`/api/campaigns/${id}/generate`)).toBe(`/api/campaigns/${id}/generate`);
    expect(redactAddress('NextNodeServer.findPageComponents')).toBe('NextNodeServer.findPageComponents');
  });
});
