import type { TaskMeta } from 'vitest';

/** The five items, in the order their summary lines are printed. */
export const ITEMS = [
  'database outage',
  'AI service down or slow',
  'SIGTERM under load',
  'input fuzz',
  'token attacks',
] as const;
export type Item = (typeof ITEMS)[number];

declare module 'vitest' {
  interface TaskMeta {
    /** The item's summary line, printed last by the summary reporter. */
    resilience?: { order: number; line: string };
  }
}

export interface ItemOutcome {
  /** What was measured, e.g. `1,204 requests, 503 in 4 ms median`. */
  facts: string;
  /** Every broken expectation; none means the item passed. */
  problems: string[];
}

export function summaryLine(item: Item, outcome: ItemOutcome): string {
  const verdict = outcome.problems.length === 0 ? 'ok' : 'FAILED';
  const problems = outcome.problems.length > 0 ? ` — ${outcome.problems.join('; ')}` : '';
  return `resilience: ${item}: ${verdict} (${outcome.facts})${problems}`;
}

/**
 * Marks the running test as the item's check: its line reads "did not finish" until `record`
 * replaces it, so a crash in set-up still shows as a failed item.
 */
export function summaryFor(task: { meta: TaskMeta }, item: Item) {
  const order = ITEMS.indexOf(item);
  task.meta.resilience = { order, line: `resilience: ${item}: FAILED (did not finish; see the error above)` };
  return {
    record(outcome: ItemOutcome): string {
      const line = summaryLine(item, outcome);
      task.meta.resilience = { order, line };
      return line;
    },
  };
}

export const count = (value: number) => value.toLocaleString('en-US');

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `400×12 404×3`: how often each status (or failure) occurred. */
export function tally(values: readonly (number | string)[]): string {
  const counts = new Map<number | string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([value, n]) => `${value}×${count(n)}`)
    .join(' ');
}

/** At most `max` examples of a list of problems, with how many more there were. */
export function examples(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${count(items.length - max)} more` : shown;
}
