import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { newCampaign, signInAs } from './support/helpers';
import { type ReceivedSpan, startOtlpReceiver } from './support/otlp-receiver';
import { type RunningStack, startStack } from './support/stack';

/**
 * One "Generate ideas" click, traced end to end: this stack of its own exports to a receiver in
 * the test. The browser has no tracing SDK: it continues the trace of the page's server render
 * (Next's clientTraceMetadata), so the click's API request, the worker's run of the job it queued,
 * the AI service and its model call all join the page's trace.
 */
const BRIEF = `Tracing brief ${Date.now().toString(36)}: the first sip of the morning, in five posts.`;
const SERVICES = ['muse-web', 'muse-api', 'muse-worker', 'muse-ai-service'];

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let stack: RunningStack;

test.beforeAll(async () => {
  test.setTimeout(8 * 60_000);
  receiver = await startOtlpReceiver();
  stack = await startStack({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    // Spans reach the receiver within a fraction of a second, not the default 5 s.
    OTEL_BSP_SCHEDULE_DELAY: '200',
  });
});

test.afterAll(async () => {
  await stack?.stop();
  await receiver?.close();
  if (stack) fs.rmSync(stack.dataDir, { recursive: true, force: true });
});

/** The spans of one trace as an indented tree, one `service: name` a line. */
function spanTree(spans: ReceivedSpan[]): string {
  const ids = new Set(spans.map((span) => span.spanId));
  const lines: string[] = [];
  const walk = (span: ReceivedSpan, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${span.service}: ${span.name}`);
    for (const child of spans.filter((other) => other.parentSpanId === span.spanId)) walk(child, depth + 1);
  };
  for (const root of spans.filter((span) => !span.parentSpanId || !ids.has(span.parentSpanId))) walk(root, 0);
  return lines.join('\n');
}

function parentOf(spans: ReceivedSpan[], span: ReceivedSpan): ReceivedSpan | undefined {
  return spans.find((other) => other.spanId === span.parentSpanId);
}

/** True when `ancestor` is on the way from `span` to the trace's root. */
function descendsFrom(spans: ReceivedSpan[], span: ReceivedSpan, ancestor: ReceivedSpan): boolean {
  for (let at = parentOf(spans, span); at; at = parentOf(spans, at))
    if (at.spanId === ancestor.spanId) return true;
  return false;
}

test('when an agency user clicks Generate ideas, then one trace holds the web, the API, the worker, the AI service and the model call, with no prompt or secret in it', async ({
  browser,
}) => {
  test.setTimeout(4 * 60_000);
  const context = await browser.newContext({ baseURL: stack.webUrl });
  const page = await context.newPage();
  await signInAs(page, 'owner@northwind.test');
  const board = await newCampaign(page, {
    client: 'Acme Coffee',
    name: 'Traced mornings',
    brief: BRIEF,
    posts: 5,
  });
  // A fresh render of the board: the click continues its trace.
  await page.goto(board);
  const traceparent = await page.locator('meta[name="traceparent"]').getAttribute('content');
  expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  const traceId = (traceparent as string).split('-')[1];

  await page.getByRole('button', { name: 'Generate ideas' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('dialog').getByText(/new ideas are on the board/)).toBeVisible({
    timeout: 90_000,
  });

  const trace = () => receiver.spans.filter((span) => span.traceId === traceId);
  const find = (spans: ReceivedSpan[], service: string, test: (span: ReceivedSpan) => boolean) =>
    spans.find((span) => span.service === service && test(span));
  const isLlmCall = (span: ReceivedSpan) => span.attributes['gen_ai.operation.name'] === 'chat';
  // The last spans (the model call's) are exported a moment after the page shows the ideas.
  await expect
    .poll(() => SERVICES.filter((service) => trace().some((span) => span.service === service)), {
      timeout: 20_000,
    })
    .toEqual(SERVICES);
  await expect.poll(() => trace().some(isLlmCall), { timeout: 20_000 }).toBe(true);
  const spans = trace();
  console.log(`trace ${traceId}\n${spanTree(spans)}`);

  // Every parent is in the trace: one tree, rooted in the web's render of the board.
  const roots = spans.filter((span) => !span.parentSpanId);
  expect(roots.map((span) => span.service)).toEqual(['muse-web']);
  for (const span of spans) if (span.parentSpanId) expect(parentOf(spans, span), span.name).toBeDefined();

  const generate = find(
    spans,
    'muse-api',
    (span) => span.kind === 2 && /\/generate$/.test(String(span.attributes['http.route'] ?? span.name)),
  );
  expect(generate, 'the API server span of the generate request').toBeDefined();
  expect(parentOf(spans, generate as ReceivedSpan)?.service).toBe('muse-web');
  // pg-boss keeps the request's trace on the job: the worker's run continues the API's send.
  const send = find(spans, 'muse-api', (span) => span.name === 'send generate-ideas' && span.kind === 4);
  expect(send && descendsFrom(spans, send, generate as ReceivedSpan), 'the job sent in the request').toBe(
    true,
  );
  const run = find(spans, 'muse-worker', (span) => span.name === 'process generate-ideas' && span.kind === 5);
  expect(run && parentOf(spans, run)?.spanId, "the worker's run of the job").toBe(send?.spanId);
  const aiRequest = find(spans, 'muse-ai-service', (span) => span.kind === 2);
  expect(aiRequest, 'the AI service server span').toBeDefined();
  expect(descendsFrom(spans, aiRequest as ReceivedSpan, run as ReceivedSpan)).toBe(true);
  const llmCall = find(spans, 'muse-ai-service', isLlmCall) as ReceivedSpan;
  expect(descendsFrom(spans, llmCall, aiRequest as ReceivedSpan)).toBe(true);
  expect(Number(llmCall.attributes['gen_ai.usage.output_tokens'])).toBeGreaterThan(0);
  // The model's HTTP request is the model call's child.
  expect(spans.some((span) => span.parentSpanId === llmCall.spanId && span.kind === 3)).toBe(true);

  // The worker's log lines of the run name the trace, for finding one from the other.
  const claimed = fs
    .readFileSync(path.join(stack.dataDir, 'logs', 'worker.log'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('"generation claimed"'))
    .map((line) => JSON.parse(line) as { trace_id?: string; span_id?: string });
  expect(claimed.find((line) => line.trace_id === traceId)?.span_id).toMatch(/^[0-9a-f]{16}$/);

  // Nothing exported by any service holds the prompt (the brief is in it) or the service token.
  const exported = JSON.stringify(receiver.spans.map((span) => [span.name, span.attributes]));
  const serviceToken = fs.readFileSync(path.join(stack.dataDir, 'service-token'), 'utf8').trim();
  expect(exported).not.toContain(BRIEF.slice(0, 40));
  expect(exported).not.toContain(serviceToken);
  await context.close();
});
