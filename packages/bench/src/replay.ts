import type { BaselineScript } from './capture.ts';

/** Maps the sample write's parameter values onto another idea, version and move. */
export function writeSubstitution(
  sample: BaselineScript['write']['sample'],
  ideaId: string,
  version: number,
  to: string,
): (value: unknown) => unknown {
  const from = to === sample.to ? sample.from : sample.to;
  const now = new Date().toISOString();
  return (value) => {
    if (value === sample.version) return version;
    if (value === sample.version + 1) return version + 1;
    if (typeof value !== 'string') return value;
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return now;
    // Ids, statuses and JSON documents (the activity event's from/to) alike.
    return value
      .replaceAll(sample.ideaId, ideaId)
      .replaceAll(sample.from, '\u0000from')
      .replaceAll(sample.to, '\u0000to')
      .replaceAll('\u0000from', from)
      .replaceAll('\u0000to', to);
  };
}
