import type { z } from 'zod';
import { fieldErrorsOf } from '@/lib/api-client/errors';
import { formatNumber, plural } from '@/lib/labels';

export type FieldErrors = Record<string, string>;
/** What each required field asks for, by field name: { name: 'a name' } gives "Enter a name". */
export type RequiredNouns = Record<string, string>;

export const capitalised = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);
const FORMATS: Record<string, string> = {
  email: 'Enter an email address, like name@example.com',
  url: 'Enter a web address, like example.com',
  date: 'Enter a date',
};

/** A zod issue in plain language: "Enter a name", "Up to 120 characters", "At most 50". */
export function plainMessage(issue: z.core.$ZodIssue, nouns: RequiredNouns = {}): string {
  const noun = nouns[String(issue.path.at(-1) ?? '')];
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? `Enter ${noun ?? 'a value'}` : `At least ${plural(min, 'character')}`;
      if (issue.origin === 'array')
        return min <= 1 ? `Choose ${noun ?? 'at least one'}` : `Choose at least ${min}`;
      return `At least ${formatNumber(min)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Up to ${plural(max, 'character')}`;
      if (issue.origin === 'array') return `Up to ${plural(max, 'item')}`;
      return `At most ${formatNumber(max)}`;
    }
    case 'invalid_format':
      return FORMATS[issue.format] ?? capitalised(issue.message);
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'Enter a whole number'
        : `Enter ${noun ?? 'a value'}`;
    default:
      return capitalised(issue.message);
  }
}

/** First plain message per field, keyed by the top-level field name, from a zod error. */
export function zodFieldErrors(error: z.ZodError, nouns?: RequiredNouns): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= plainMessage(issue, nouns);
  }
  return errors;
}

/** First plain message per full path (admin.email), for bodies that nest objects. */
export function pathFieldErrors(error: z.ZodError, nouns?: RequiredNouns): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues)
    errors[issue.path.map(String).join('.') || 'form'] ??= plainMessage(issue, nouns);
  return errors;
}

/** "example.com" is taken to mean https://example.com; empty means no website. */
export function normalisedWebsite(value: string): string | null {
  const website = value.trim();
  if (!website) return null;
  return /^[a-z][a-z\d+.-]*:\/\//i.test(website) ? website : `https://${website}`;
}

/** Field errors the API reported (invalid_input), keyed like zodFieldErrors. */
export function apiFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error)))
    errors[path.split('.')[0] ?? 'form'] ??= capitalised(message);
  return errors;
}

/** A count typed in a number field; left empty it is no number, so the contract asks for one. */
export const countOf = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

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
