import {
  AI_TRANSIENT_ERROR_CODES,
  AiErrorCode,
  AiFailureDetail,
  aiServiceRoutes,
  callRoute,
  type GenerateIdeasRequestInput,
  type GenerationErrorCode,
  RouteCallError,
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
}

export type AiServiceClient = ReturnType<typeof createAiServiceClient>;

export function createAiServiceClient(options: AiServiceClientOptions) {
  /** The service at its base URL; a request that never gets an answer is worth another try. */
  function transportFor(signal: AbortSignal | undefined): Transport {
    return async (path, init) => {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      try {
        return await fetch(`${options.url}${path}`, {
          ...init,
          signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
        });
      } catch (error) {
        const message = timeout.aborted
          ? `the AI service did not answer within ${options.timeoutMs} ms`
          : signal?.aborted
            ? 'the call to the AI service was abandoned'
            : `the AI service could not be reached: ${(error as Error).message}`;
        throw new AiServiceError('ai_service_unavailable', message, {
          transient: true,
          usage: null,
          status: null,
          cause: error,
        });
      }
    };
  }

  return {
    async generate(body: GenerateIdeasRequestInput, { requestId, signal }: GenerateOptions) {
      try {
        return await callRoute(transportFor(signal), aiServiceRoutes.generate, {
          body: { ...body, requestId },
          headers: { authorization: `Bearer ${options.token}`, 'x-request-id': requestId },
        });
      } catch (error) {
        throw error instanceof RouteCallError ? failureOf(error) : error;
      }
    },
  };
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
