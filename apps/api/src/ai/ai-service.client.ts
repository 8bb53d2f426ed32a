import {
  AI_TRANSIENT_ERROR_CODES,
  AiErrorCode,
  AiFailureDetail,
  aiServiceRoutes,
  callRoute,
  type FeedbackRequestInput,
  type FeedbackResponse,
  type GenerateIdeasRequestInput,
  type GenerateIdeasResponse,
  type GenerateProgress,
  GenerateStreamLine,
  type GenerationErrorCode,
  RouteCallError,
  sendRoute,
  type TokenUsage,
  type Transport,
} from '@muse/contracts';

/** Codes of the AI service that a generation keeps as its own error code. */
const PASSED_THROUGH: Partial<Record<AiErrorCode, GenerationErrorCode>> = {
  llm_rate_limited: 'llm_rate_limited',
  llm_unavailable: 'llm_unavailable',
  llm_bad_output: 'llm_bad_output',
  timeout: 'timeout',
  token_budget_exhausted: 'token_budget_exhausted',
};

/** Statuses a proxy or a restarting service answers with, envelope or not: worth another try. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

interface AiServiceErrorDetails {
  transient: boolean;
  usage: TokenUsage | null;
  status: number | null;
  cause?: unknown;
}

/** A failed call: the generation's error code, whether a later retry may succeed, and the tokens already spent. */
export class AiServiceError extends Error {
  override name = 'AiServiceError';

  readonly code: GenerationErrorCode;
  readonly details: AiServiceErrorDetails;

  constructor(code: GenerationErrorCode, message: string, details: AiServiceErrorDetails) {
    super(message, { cause: details.cause });
    this.code = code;
    this.details = details;
  }
}

export interface AiServiceClientOptions {
  /** Base URL of the AI service, without a trailing slash. */
  url: string;
  token: string;
  timeoutMs: number;
}

export interface GenerateOptions {
  /** Forwarded as x-request-id, so one id follows the request across services. */
  requestId: string;
  /** Aborts the call, e.g. when the job's claim is gone or the worker is stopping. */
  signal?: AbortSignal;
  /**
   * Hears of each batch the AI service finished, in order, while the run goes on: given, the call
   * takes the streaming route, and the next line is read only once this has settled.
   */
  onProgress?: (progress: GenerateProgress) => Promise<void>;
}

export type AiServiceClient = ReturnType<typeof createAiServiceClient>;

/** One call's deadline and its caller's signal; the deadline covers the whole answer, streamed or not. */
function callSignals(timeoutMs: number, caller: AbortSignal | undefined) {
  const timeout = AbortSignal.timeout(timeoutMs);
  return {
    signal: caller ? AbortSignal.any([timeout, caller]) : timeout,
    /** Why the call ended without an answer: all worth another try. */
    failure(error: unknown, whileDoing: 'connecting' | 'reading'): AiServiceError {
      const message = timeout.aborted
        ? `the AI service did not answer within ${timeoutMs} ms`
        : caller?.aborted
          ? 'the call to the AI service was abandoned'
          : whileDoing === 'connecting'
            ? `the AI service could not be reached: ${(error as Error).message}`
            : `the connection to the AI service was lost: ${(error as Error).message}`;
      return new AiServiceError('ai_service_unavailable', message, {
        transient: true,
        usage: null,
        status: null,
        cause: error,
      });
    },
  };
}

export function createAiServiceClient(options: AiServiceClientOptions) {
  /** The service at its base URL; a request that never gets an answer is worth another try. */
  function transportFor(call: ReturnType<typeof callSignals>): Transport {
    return async (path, init) => {
      try {
        return await fetch(`${options.url}${path}`, { ...init, signal: call.signal });
      } catch (error) {
        throw call.failure(error, 'connecting');
      }
    };
  }

  return {
    async generate(
      body: GenerateIdeasRequestInput,
      { requestId, signal, onProgress }: GenerateOptions,
    ): Promise<GenerateIdeasResponse> {
      const call = callSignals(options.timeoutMs, signal);
      const input = {
        body: { ...body, requestId },
        headers: { authorization: `Bearer ${options.token}`, 'x-request-id': requestId },
      };
      try {
        if (!onProgress) return await callRoute(transportFor(call), aiServiceRoutes.generate, input);
        const response = await sendRoute(transportFor(call), aiServiceRoutes.generateStream, input);
        for await (const line of linesOf(response, call)) {
          if (line.type === 'result') return line.result;
          if (line.type === 'error') {
            const { code, message, details, requestId: answeredId } = line.error;
            throw new RouteCallError(line.status, code, message, { details, requestId: answeredId });
          }
          const { type: _type, ...progress } = line;
          await onProgress(progress);
        }
        throw new AiServiceError('ai_service_unavailable', 'the AI service stopped before its result', {
          transient: true,
          usage: null,
          status: response.status,
        });
      } catch (error) {
        throw error instanceof RouteCallError ? failureOf(error) : error;
      }
    },

    /** Brand profile suggestions from a client's review history; fails as `generate` does. */
    async feedback(
      body: FeedbackRequestInput,
      { requestId, signal }: Pick<GenerateOptions, 'requestId' | 'signal'>,
    ): Promise<FeedbackResponse> {
      const call = callSignals(options.timeoutMs, signal);
      try {
        return await callRoute(transportFor(call), aiServiceRoutes.feedback, {
          body: { ...body, requestId },
          headers: { authorization: `Bearer ${options.token}`, 'x-request-id': requestId },
        });
      } catch (error) {
        throw error instanceof RouteCallError ? failureOf(error) : error;
      }
    },
  };
}

/** The lines of a streamed answer as they arrive; a line this side cannot read ends the call. */
async function* linesOf(
  response: Response,
  call: ReturnType<typeof callSignals>,
): AsyncGenerator<GenerateStreamLine> {
  if (!response.body) return;
  const chunks = response.body.pipeThrough(new TextDecoderStream())[Symbol.asyncIterator]();
  let partial = '';
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw call.failure(error, 'reading');
      }
      if (next.done) return;
      const texts = (partial + next.value).split('\n');
      partial = texts.pop() ?? '';
      for (const text of texts) {
        const line = GenerateStreamLine.safeParse(parseJson(text));
        if (!line.success) {
          throw new AiServiceError('ai_service_error', 'the AI service answered with an unexpected line', {
            transient: false,
            usage: null,
            status: response.status,
            cause: line.error,
          });
        }
        yield line.data;
      }
    }
  } finally {
    // However the reading ends, the connection is let go rather than left to drain; a stream
    // that failed has nothing left to let go, and its failure is the one reported.
    await chunks.return?.().catch(() => undefined);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a refused or unreadable answer means for the generation. */
function failureOf(error: RouteCallError): AiServiceError {
  const { status } = error;
  if (error.code === 'unexpected_response') {
    if (status >= 200 && status < 300) {
      return new AiServiceError('ai_service_error', 'the AI service answered with an unexpected body', {
        transient: false,
        usage: null,
        status,
        cause: error,
      });
    }
    // No envelope: a proxy or a restarting service answered.
    const code = UNAVAILABLE_STATUSES.has(status) ? 'ai_service_unavailable' : 'ai_service_error';
    return new AiServiceError(code, `the AI service answered ${status}`, {
      transient: code === 'ai_service_unavailable',
      usage: null,
      status,
    });
  }
  const aiCode = AiErrorCode.safeParse(error.code).data;
  const detail = AiFailureDetail.safeParse(error.details[0]);
  const usage = detail.success ? detail.data.usage : null;
  const message = `the AI service answered ${status} ${error.code}: ${error.message}`;
  const passed = aiCode && PASSED_THROUGH[aiCode];
  if (aiCode && passed) {
    return new AiServiceError(passed, message, {
      transient: AI_TRANSIENT_ERROR_CODES.includes(aiCode),
      usage,
      status,
    });
  }
  return new AiServiceError('ai_service_error', message, { transient: false, usage, status });
}
