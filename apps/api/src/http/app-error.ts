import type { ApiErrorCode } from '@muse/contracts';
import { HttpError } from '@muse/http';

export const STATUS_OF: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  last_admin: 409,
  invalid_transition: 409,
  version_conflict: 409,
  brand_check_open: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  // 429, as for rate_limited: the client may retry once the quota resets (details say when).
  quota_exceeded: 429,
  // Gone: the link worked once; the holder asks the agency for a new one.
  review_link_expired: 410,
  review_link_revoked: 410,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export interface AppErrorOptions {
  status?: number;
  details?: unknown[];
  cause?: unknown;
}

/** The one error type of the API: one of its codes, answered with that code's status. */
export class AppError extends HttpError<ApiErrorCode> {
  override name = 'AppError';

  constructor(code: ApiErrorCode, message: string, options: AppErrorOptions = {}) {
    super(options.status ?? STATUS_OF[code], code, message, options);
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
