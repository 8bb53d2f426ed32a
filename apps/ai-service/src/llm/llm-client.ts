import { setTimeout as sleep } from 'node:timers/promises';
import type { AiErrorCode } from '@muse/contracts';
import type { Logger } from '@muse/logger';
import { getContext } from '@muse/request-context';
import { inSpan, SpanKind } from '@muse/telemetry';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import pRetry from 'p-retry';
import { ZodError } from 'zod';
import type { AiServiceConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Metrics } from '../metrics.ts';
import { ConcurrencyLimiter } from './concurrency-limiter.ts';
import { retryAfterMs } from './retry-after.ts';
import type { UsageMeter } from './usage-meter.ts';

/** The SDK insists on a key; the offline model ignores it. */
const OFFLINE_PLACEHOLDER_KEY = 'offline-model-needs-no-key';
const READINESS_TIMEOUT_MS = 2_000;
const READINESS_CACHE_MS = 10_000;
/** Chat formatting the provider adds to each message. */
const PROMPT_TOKENS_PER_MESSAGE = 4;

/** A structured output: the strict JSON schema sent to the model and the zod parse of its answer. */
export interface OutputSchema<T> {
  name: string;
  jsonSchema: Record<string, unknown>;
  parse: (value: unknown) => T;
}

export interface LlmCall<T> {
  /** What the call is for, as a metrics label: post, reel. */
  purpose: string;
  system: string;
  user: string;
  schema: OutputSchema<T>;
  maxCompletionTokens: number;
  meter: UsageMeter;
  /** Aborts the call and its retries: the run's deadline passed or its caller went away. */
  signal: AbortSignal;
  /** performance.now() by which the run must be done; retries never wait past it. */
  deadline: number;
  /** A stable, non-identifying id of the end customer, for the provider's abuse monitoring. */
  safetyIdentifier?: string;
}

export interface LlmResult<T> {
  value: T;
  model: string;
}

/** One failed attempt, and whether another attempt could go differently. */
export class LlmAttemptError extends AppError {
  readonly retryable: boolean;

  constructor(
    code: AiErrorCode,
    message: string,
    retryable: boolean,
    options: { cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(code, message, options);
    this.retryable = retryable;
  }
}

type LlmSettings = AiServiceConfig['llm'];

export class LlmClient {
  private readonly openai: OpenAI;
  private readonly limiter: ConcurrencyLimiter;
  private readiness: { ok: boolean; at: number } | null = null;
  private readonly settings: LlmSettings;
  private readonly metrics: Metrics;
  private readonly logger: Logger;

  constructor(settings: LlmSettings, metrics: Metrics, logger: Logger) {
    this.settings = settings;
    this.metrics = metrics;
    this.logger = logger;
    this.openai = new OpenAI({
      apiKey: settings.apiKey ?? OFFLINE_PLACEHOLDER_KEY,
      // Explicit values, so the SDK reads nothing from the environment behind the config's back.
      baseURL: settings.baseUrl ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      webhookSecret: null,
      // p-retry is the one retry layer.
      maxRetries: 0,
      timeout: settings.timeoutMs,
    });
    this.limiter = new ConcurrencyLimiter(settings.concurrency);
  }

  /** Calls the model with a strict structured output, retrying what is worth retrying within the deadline. */
  async complete<T>(call: LlmCall<T>): Promise<LlmResult<T>> {
    const remaining = () => call.deadline - performance.now();
    try {
      return await pRetry(() => this.attempt(call, remaining()), {
        retries: this.settings.maxAttempts - 1,
        factor: 2,
        minTimeout: this.settings.retryBaseMs,
        maxTimeout: this.settings.retryMaxMs,
        randomize: true,
        maxRetryTime: Math.max(remaining(), 0),
        signal: call.signal,
        onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
          this.logger.warn(
            {
              purpose: call.purpose,
              attempt: attemptNumber,
              retriesLeft,
              code: (error as AppError).code,
              err: error,
            },
            'LLM call failed',
          );
        },
        shouldRetry: ({ error, retryDelay }) => this.prepareRetry(error, retryDelay, call, remaining()),
      });
    } catch (error) {
      throw finalError(error, call.signal);
    }
  }

  /** True when the LLM's API answers; cached briefly so probes do not hammer it. */
  async isReachable(): Promise<boolean> {
    const now = performance.now();
    if (this.readiness && now - this.readiness.at < READINESS_CACHE_MS) return this.readiness.ok;
    let ok = true;
    try {
      await this.openai.models.list({ timeout: READINESS_TIMEOUT_MS, maxRetries: 0 });
    } catch (error) {
      ok = false;
      this.logger.warn({ err: error }, 'LLM readiness probe failed');
    }
    this.readiness = { ok, at: performance.now() };
    return ok;
  }

  private async attempt<T>(call: LlmCall<T>, remainingMs: number): Promise<LlmResult<T>> {
    if (remainingMs <= 0) throw new LlmAttemptError('timeout', 'The generation ran out of time.', false);
    const release = await this.limiter.acquire(call.signal);
    const worstCase = worstCaseTokens(call);
    if (!call.meter.reserve(worstCase)) {
      release();
      throw new LlmAttemptError('token_budget_exhausted', "The run's token budget is spent.", false);
    }
    const started = performance.now();
    let outcome = 'ok';
    let answered = false;
    try {
      const requestId = getContext()?.requestId;
      const completion = await this.traced(call, () =>
        this.openai.chat.completions.create(
          {
            model: this.settings.model,
            messages: [
              { role: 'system', content: call.system },
              { role: 'user', content: call.user },
            ],
            response_format: {
              type: 'json_schema',
              json_schema: { name: call.schema.name, strict: true, schema: call.schema.jsonSchema },
            },
            max_completion_tokens: call.maxCompletionTokens,
            ...(this.settings.temperature === null ? {} : { temperature: this.settings.temperature }),
            ...(call.safetyIdentifier ? { safety_identifier: call.safetyIdentifier } : {}),
          },
          {
            // The run's deadline caps each attempt as well as the retries.
            timeout: Math.min(this.settings.timeoutMs, Math.ceil(remainingMs)),
            signal: call.signal,
            maxRetries: 0,
            ...(requestId ? { headers: { 'x-request-id': requestId } } : {}),
          },
        ),
      );
      answered = true;
      call.meter.recordCall(completion.usage);
      this.metrics.llmTokens.inc({ type: 'prompt' }, completion.usage?.prompt_tokens ?? 0);
      this.metrics.llmTokens.inc({ type: 'completion' }, completion.usage?.completion_tokens ?? 0);
      return { value: parseAnswer(completion, call.schema), model: completion.model };
    } catch (error) {
      const failure = classify(error, call.signal);
      if (!answered) call.meter.recordCall(null);
      outcome = failure.code;
      throw failure;
    } finally {
      call.meter.release(worstCase);
      release();
      this.metrics.llmCallDuration.observe(
        { purpose: call.purpose, outcome },
        (performance.now() - started) / 1000,
      );
    }
  }

  /**
   * One model call as a GenAI client span: the model, the purpose and the tokens, never the
   * prompt or the answer (those stay in the service's own logs).
   */
  private traced(
    call: LlmCall<unknown>,
    request: () => Promise<OpenAI.Chat.Completions.ChatCompletion>,
  ): Promise<OpenAI.Chat.Completions.ChatCompletion> {
    const attributes = {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': this.settings.model,
      'gen_ai.request.max_tokens': call.maxCompletionTokens,
      'muse.llm.purpose': call.purpose,
    };
    return inSpan(`chat ${this.settings.model}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const completion = await request();
      span.setAttributes({
        'gen_ai.response.model': completion.model,
        'gen_ai.usage.input_tokens': completion.usage?.prompt_tokens ?? 0,
        'gen_ai.usage.output_tokens': completion.usage?.completion_tokens ?? 0,
      });
      return completion;
    });
  }

  /** p-retry's shouldRetry: decides, and makes sure a Retry-After the server asked for has passed. */
  private async prepareRetry(error: Error, backoffMs: number, call: LlmCall<unknown>, remainingMs: number) {
    if (!(error instanceof LlmAttemptError) || !error.retryable) return false;
    const asked = error.retryAfterMs ?? 0;
    // Waiting past the deadline cannot succeed; fail now with the real reason instead of a timeout.
    if (asked > remainingMs) return false;
    // p-retry waits its own backoff after this; top it up to what the server asked for.
    if (asked > backoffMs) await sleep(asked - backoffMs, undefined, { signal: call.signal });
    this.metrics.llmRetries.inc({ reason: error.code });
    return true;
  }
}

/** Most tokens a call can cost: its prompt at about four characters a token, and its output cap. */
function worstCaseTokens(call: LlmCall<unknown>): number {
  const promptChars = call.system.length + call.user.length + JSON.stringify(call.schema.jsonSchema).length;
  return Math.ceil(promptChars / 4) + PROMPT_TOKENS_PER_MESSAGE * 2 + call.maxCompletionTokens;
}

function parseAnswer<T>(completion: OpenAI.Chat.Completions.ChatCompletion, schema: OutputSchema<T>): T {
  const choice = completion.choices[0];
  if (!choice) throw badOutput('The model answered without a choice.');
  if (choice.message.refusal) throw badOutput(`The model refused: ${choice.message.refusal}`);
  if (choice.finish_reason === 'length') throw badOutput('The answer was cut off at the token limit.');
  if (choice.finish_reason === 'content_filter')
    throw badOutput('The answer was stopped by the content filter.');
  const content = choice.message.content;
  if (!content) throw badOutput('The model answered with no content.');
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (cause) {
    throw badOutput('The answer is not valid JSON.', cause);
  }
  try {
    return schema.parse(json);
  } catch (cause) {
    if (cause instanceof ZodError) throw badOutput(`The answer does not match ${schema.name}.`, cause);
    throw cause;
  }
}

function badOutput(message: string, cause?: unknown): LlmAttemptError {
  return new LlmAttemptError('llm_bad_output', message, true, { cause });
}

/** Maps whatever an attempt threw to a typed failure. */
function classify(error: unknown, signal: AbortSignal): LlmAttemptError {
  if (error instanceof LlmAttemptError) return error;
  if (signal.aborted || error instanceof APIUserAbortError) {
    return new LlmAttemptError('timeout', 'The generation ran out of time.', false, { cause: error });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmAttemptError('timeout', 'The LLM did not answer in time.', true, { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new LlmAttemptError('llm_unavailable', 'The LLM could not be reached.', true, { cause: error });
  }
  if (error instanceof APIError && error.status !== undefined) {
    const { status } = error;
    if (status === 429 && error.code === 'insufficient_quota') {
      return new LlmAttemptError('llm_unavailable', 'The LLM account has no quota left.', false, {
        cause: error,
      });
    }
    if (status === 429) {
      return new LlmAttemptError('llm_rate_limited', 'The LLM is rate limiting requests.', true, {
        cause: error,
        retryAfterMs: retryAfterMs(error.headers) ?? undefined,
      });
    }
    const transient = status === 408 || status === 409 || status >= 500;
    return new LlmAttemptError(
      'llm_unavailable',
      transient ? `The LLM failed (HTTP ${status}).` : `The LLM rejected the request (HTTP ${status}).`,
      transient,
      { cause: error },
    );
  }
  return new LlmAttemptError('internal', 'The LLM call failed unexpectedly.', false, { cause: error });
}

function finalError(error: unknown, signal: AbortSignal): AppError {
  if (signal.aborted)
    return new AppError('timeout', 'The generation did not finish within its time budget.', { cause: error });
  if (error instanceof AppError) {
    return new AppError(error.code, error.message, { cause: error.cause, retryAfterMs: error.retryAfterMs });
  }
  return new AppError('internal', 'The LLM call failed unexpectedly.', { cause: error });
}
