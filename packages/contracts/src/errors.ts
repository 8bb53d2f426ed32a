import { z } from 'zod';

/** Every `error.code` the API answers with; each maps to one HTTP status. */
export const ApiErrorCode = z.enum([
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'last_admin',
  'invalid_transition',
  'version_conflict',
  /** A sending whose brand check has open warnings, not confirmed. */
  'brand_check_open',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'quota_exceeded',
  'review_link_expired',
  'review_link_revoked',
  'internal',
  'unavailable',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** One entry of `error.details` for `invalid_input`: where the problem is and what it is. */
export const ValidationIssue = z.object({
  /** Which part of the request: `params`, `query` or `body`. */
  location: z.enum(['params', 'query', 'body']).optional(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/**
 * The error envelope every service answers with (the OpenAPI `Error` component). `code` is read as
 * any string: the AI service has codes of its own, and a reader must survive a code it does not
 * know yet. The document lists the API's codes.
 */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().meta({ enum: ApiErrorCode.options }),
      message: z.string(),
      details: z.array(z.unknown()).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
