'use client';

import type { BrandCheckField, BrandCheckFinding, Idea } from '@muse/contracts';
import { CircleAlert, CircleCheck, Info } from 'lucide-react';
import { QueryError } from '@/components/query-state';
import { Skeleton } from '@/components/ui/skeleton';
import { IDEA_FIELD_LABELS } from '@/lib/labels';
import { useBrandCheck } from '@/lib/queries/use-ideas';

/** How much of the field to show on each side of the match. */
const CONTEXT_CHARS = 40;

function fieldText(idea: Idea, field: BrandCheckField): string {
  if (field === 'hashtags') return idea.hashtags.join(' ');
  if (field === 'beats')
    return (idea.beats ?? []).flatMap((b) => [b.shot, b.voiceover, b.onScreenText]).join(' · ');
  if (field === 'durationSec') return idea.durationSec === null ? '' : String(idea.durationSec);
  return idea[field] ?? '';
}

/** The match in its sentence, marked; the match alone when the text has changed since the check. */
function MatchInContext({ idea, finding }: { idea: Idea; finding: BrandCheckFinding }) {
  if (!finding.match) return null;
  const text = fieldText(idea, finding.field);
  const at = text.indexOf(finding.match);
  const mark = <mark className="rounded bg-amber-200 px-0.5 text-slate-900">{finding.match}</mark>;
  if (at < 0) return <p className="text-sm text-slate-700">{mark}</p>;
  const from = Math.max(0, at - CONTEXT_CHARS);
  const to = Math.min(text.length, at + finding.match.length + CONTEXT_CHARS);
  return (
    <p className="text-sm text-slate-700">
      {from > 0 && '…'}
      {text.slice(from, at)}
      {mark}
      {text.slice(at + finding.match.length, to)}
      {to < text.length && '…'}
    </p>
  );
}

export function BrandCheckFindings({ idea, findings }: { idea?: Idea; findings: BrandCheckFinding[] }) {
  return (
    <ul className="grid gap-2">
      {findings.map((finding, index) => (
        // Findings have no id of their own; their order is stable for one version.
        <li key={index} className="grid gap-1 rounded-md bg-white px-3 py-2 ring-1 ring-slate-200">
          <p className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
            {finding.severity === 'warning' ? (
              <CircleAlert className="size-3.5 text-amber-600" aria-hidden />
            ) : (
              <Info className="size-3.5 text-slate-400" aria-hidden />
            )}
            {finding.severity === 'warning' ? 'Warning' : 'Note'} · {IDEA_FIELD_LABELS[finding.field]}
          </p>
          {idea ? (
            <MatchInContext idea={idea} finding={finding} />
          ) : (
            finding.match && (
              <p className="text-sm">
                <mark className="rounded bg-amber-200 px-0.5 text-slate-900">{finding.match}</mark>
              </p>
            )
          )}
          <p className="text-sm text-slate-600">{finding.message}</p>
        </li>
      ))}
    </ul>
  );
}

/** What to look at once more before the idea goes to the client. */
export function BrandCheckPanel({ idea }: { idea: Idea }) {
  const check = useBrandCheck(idea);
  return (
    <section
      aria-labelledby="brand-check-heading"
      className="grid gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <h3 id="brand-check-heading" className="text-sm font-medium text-slate-800">
        Brand check
      </h3>
      {check.isPending ? (
        <Skeleton className="h-12" />
      ) : check.isError ? (
        <QueryError error={check.error} retry={() => check.refetch()} className="py-2" />
      ) : check.data.findings.length === 0 ? (
        <p className="flex items-center gap-1.5 text-sm text-slate-600">
          <CircleCheck className="size-4 text-emerald-600" aria-hidden />
          No findings
        </p>
      ) : (
        <BrandCheckFindings idea={idea} findings={check.data.findings} />
      )}
    </section>
  );
}
