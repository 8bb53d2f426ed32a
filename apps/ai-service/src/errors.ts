import type { AiErrorCode } from '@muse/contracts';
import { HttpError } from '@muse/http';

export const HTTP_STATUS: Record<AiErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  not_found: 404,
  payload_too_large: 413,
  llm_bad_output: 422,
  token_budget_exhausted: 422,
  llm_rate_limited: 429,
  internal: 500,
  llm_unavailable: 503,
  timeout: 504,
};

/** The one error type: a code the caller can map, a message safe to show, optional details. */
export class AppError extends HttpError<AiErrorCode> {
  override name = 'AppError';
  /** For llm_rate_limited: how long the LLM asked us to wait, passed on as Retry-After. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: AiErrorCode,
    message: string,
    options: { details?: unknown[]; cause?: unknown; retryAfterMs?: number } = {},
  ) {
    const { retryAfterMs } = options;
    super(HTTP_STATUS[code], code, message, {
      ...options,
      ...(retryAfterMs === undefined
        ? {}
        : { headers: { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) } }),
    });
    this.retryAfterMs = retryAfterMs;
  }

  withDetails(details: unknown[]): AppError {
    return new AppError(this.code, this.message, {
      details,
      cause: this.cause,
      retryAfterMs: this.retryAfterMs,
    });
  }
}
