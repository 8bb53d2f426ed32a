import { wordDiff } from '@/lib/word-diff';

/** Removed words struck through in red, added words underlined in green. */
export function DiffText({ before, after }: { before: string; after: string }) {
  return (
    <p className="whitespace-pre-wrap text-sm leading-6 text-slate-700">
      {wordDiff(before, after).map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins
            key={index}
            className="rounded-sm bg-emerald-100 text-emerald-900 no-underline decoration-emerald-500 underline-offset-2 [text-decoration-line:underline]"
          >
            {part.text}
          </ins>
        ) : (
          <del key={index} className="rounded-sm bg-red-50 text-red-700">
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}
