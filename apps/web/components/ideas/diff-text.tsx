import { cn } from '@/lib/cn';
import { type DiffPart, wordDiff } from '@/lib/word-diff';

/**
 * A change straight followed by the opposite change (a word replaced) shares no space with it,
 * so a gap keeps "very" struck through from running into "cup" added.
 */
const meetsOpposite = (part: DiffPart, next: DiffPart | undefined) =>
  part.kind !== 'same' && next !== undefined && next.kind !== 'same' && next.kind !== part.kind;

/** Removed words struck through in red, added words underlined in green. */
export function DiffText({ before, after }: { before: string; after: string }) {
  const parts = wordDiff(before, after);
  return (
    <p className="whitespace-pre-wrap text-sm leading-6 text-slate-700">
      {parts.map((part, index) => {
        const gap = meetsOpposite(part, parts[index + 1]) && 'me-1';
        return part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins
            key={index}
            className={cn(
              'rounded-sm bg-emerald-100 text-emerald-900 no-underline decoration-emerald-500 underline-offset-2 [text-decoration-line:underline]',
              gap,
            )}
          >
            {part.text}
          </ins>
        ) : (
          <del key={index} className={cn('rounded-sm bg-red-50 text-red-700', gap)}>
            {part.text}
          </del>
        );
      })}
    </p>
  );
}
