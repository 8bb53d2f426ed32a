import { BrandCheckHold, RouteCallError } from '@muse/contracts';
import { quotaRefusal } from '@/lib/quota';

/** Maps `invalid_input` details to `{ "field.path": message }` for forms. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof RouteCallError) || error.code !== 'invalid_input') return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (Array.isArray(path) && typeof message === 'string') errors[path.join('.')] ??= message;
  }
  return errors;
}

/** The ideas a sending was held back for (409 `brand_check_open`), or null for any other error. */
export function brandCheckHoldsOf(error: unknown): BrandCheckHold[] | null {
  if (!(error instanceof RouteCallError) || error.code !== 'brand_check_open') return null;
  const holds = BrandCheckHold.array().safeParse(error.details);
  return holds.success ? holds.data : null;
}

/**
 * Whether the API refused the call because the caller's agency is suspended (403 `forbidden` with
 * the reason `tenant_suspended`): nothing in the agency's area can load until it is reactivated.
 */
export function isAgencySuspended(error: unknown): boolean {
  return (
    error instanceof RouteCallError &&
    error.code === 'forbidden' &&
    error.details.some(
      (detail) =>
        typeof detail === 'object' &&
        detail !== null &&
        'reason' in detail &&
        detail.reason === 'tenant_suspended',
    )
  );
}

/** A sentence for a toast: the API's own message for domain errors, a plain one for the rest. */
export function describeError(error: unknown): string {
  if (error instanceof RouteCallError) {
    switch (error.code) {
      case 'version_conflict':
        return 'Someone else changed this in the meantime. We reloaded the latest version — please try again.';
      case 'invalid_transition':
        return 'That move is no longer possible: the idea changed status in the meantime.';
      case 'rate_limited':
        return 'Too many requests right now. Wait a moment and try again.';
      case 'quota_exceeded':
        return quotaRefusal(error);
      case 'unexpected_response':
      case 'internal':
        return 'Something went wrong on our side. Please try again.';
      default:
        return error.message;
    }
  }
  if (error instanceof TypeError) return 'Cannot reach the server. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}
