import type { z } from 'zod';
import { fieldErrorsOf } from '@/lib/api/http';

export type FieldErrors = Record<string, string>;

/** First message per field, keyed by the top-level field name, from a zod error. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Field errors the API reported (invalid_input), keyed like zodFieldErrors. */
export function apiFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error)))
    errors[path.split('.')[0] ?? 'form'] ??= message;
  return errors;
}

export const splitLines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export const splitList = (value: string) =>
  value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** Hashtags typed with or without '#', separated by spaces or commas. */
export const splitHashtags = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter(Boolean)
    .map((tag) => (tag.startsWith('#') ? tag : `#${tag}`));
