import type { ValidationIssue } from '@muse/contracts';
import type { ZodError } from 'zod';

type Location = NonNullable<ValidationIssue['location']>;

const pathSegment = (segment: PropertyKey): string | number =>
  typeof segment === 'number' ? segment : String(segment);

/**
 * Zod issues as `error.details`: one entry per offending field; an unknown key gets its own full
 * path, so the caller sees exactly what to remove.
 */
export function issuesOf(error: ZodError, location?: Location): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    const base = location ? { location } : {};
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        ...base,
        path: [...issue.path, key].map(pathSegment),
        code: issue.code,
        message: 'unknown field',
      }));
    }
    return [{ ...base, path: issue.path.map(pathSegment), code: issue.code, message: issue.message }];
  });
}
