import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { fieldErrorsOf } from '@/lib/api-client/errors';
import {
  apiFieldErrors,
  capitalised,
  type FieldErrors,
  pathFieldErrors,
  type RequiredNouns,
  zodFieldErrors,
} from './form-errors';

/** How errors are keyed: by the top-level field (a list's items share their field), or by full path. */
type Keying = 'field' | 'path';

/** Errors for the whole body (an empty path) go to `root.form`. */
const nameOf = (key: string) => (key === '' || key === 'form' ? 'root.form' : key);

/** A contract's body schema, fed from a form's values through `toBody` (text fields to lists, and so on). */
export function fromForm<Values, S extends z.ZodType>(
  toBody: (values: Values) => z.input<S>,
  body: S,
): z.ZodType<z.output<S>, Values> {
  return z.preprocess((values) => toBody(values as Values), body) as unknown as z.ZodType<
    z.output<S>,
    Values
  >;
}

/**
 * Checks a form with a contract's body schema (values in, the body out) and words each issue in
 * plain language: "Enter a brand name", "Up to 120 characters", "At most 50". The wording needs the
 * whole issue (its minimum, its origin), which a message-only resolver no longer has.
 */
export function contractResolver<Values extends FieldValues, Body>(
  schema: z.ZodType<Body, Values>,
  {
    nouns = {},
    keying = 'field',
    fixed = {},
  }: {
    nouns?: RequiredNouns;
    keying?: Keying;
    /** One sentence for a field whatever its issue, where the plain one would not help. */
    fixed?: Record<string, string>;
  } = {},
): Resolver<Values, unknown, Body> {
  return async (values, _context, options) => {
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const found =
      keying === 'field' ? zodFieldErrors(parsed.error, nouns) : pathFieldErrors(parsed.error, nouns);
    const errors: Record<string, FieldError> = {};
    for (const [key, message] of Object.entries(found))
      errors[nameOf(key)] = { type: 'validate', message: fixed[key] ?? message };
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/** Shows the API's field errors (invalid_input) on their fields, the first one for each. */
export function showServerErrors<Values extends FieldValues>(
  setError: UseFormSetError<Values>,
  error: unknown,
  keying: Keying = 'field',
) {
  const found: FieldErrors =
    keying === 'field'
      ? apiFieldErrors(error)
      : Object.fromEntries(
          Object.entries(fieldErrorsOf(error)).map(([path, text]) => [path, capitalised(text)]),
        );
  for (const [key, message] of Object.entries(found))
    setError(nameOf(key) as Path<Values>, { type: 'server', message });
}
