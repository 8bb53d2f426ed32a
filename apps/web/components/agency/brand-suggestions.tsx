'use client';

import type { BrandProposal } from '@muse/contracts';
import { Check, Lightbulb, Pencil, X } from 'lucide-react';
import { useState } from 'react';
import { QueryError } from '@/components/query-state';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { confidenceLabel, evidenceSummary, proposalKindLabel } from '@/lib/brand-proposals';
import { formatDate, plural, timeAgo } from '@/lib/labels';
import {
  useAcceptBrandProposal,
  useBrandProposals,
  useDismissBrandProposal,
} from '@/lib/queries/use-brand-proposals';

/**
 * What the client's answers and the agency's edits of AI drafts suggest the brand profile is
 * missing. Nothing reaches the profile until someone accepts a suggestion here.
 */
export function BrandSuggestions({ clientId }: { clientId: string }) {
  const proposals = useBrandProposals(clientId);
  const open = proposals.data?.filter((proposal) => proposal.status === 'open') ?? [];
  const decided = proposals.data?.filter((proposal) => proposal.status !== 'open') ?? [];
  return (
    <Card role="region" aria-labelledby="brand-suggestions-title" className="mb-6">
      <CardHeader>
        <CardTitle id="brand-suggestions-title" className="flex items-center gap-2">
          <Lightbulb className="size-4 text-brand-600" aria-hidden />
          Suggestions from review
          {open.length > 0 && <Badge tone="brand">{open.length}</Badge>}
        </CardTitle>
        <CardDescription>
          Read from what the client turned down or asked to change, and from how your team edited the AI’s
          drafts before they were approved. Accepting one adds it to the brand profile as a new version.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {proposals.isPending ? (
          <Skeleton className="h-20" />
        ) : proposals.isError ? (
          <QueryError error={proposals.error} retry={() => proposals.refetch()} />
        ) : (
          <>
            {open.length === 0 ? (
              <p className="text-sm text-slate-600">
                No open suggestions. New ones come after the client answers a round of ideas.
              </p>
            ) : (
              <ul className="grid gap-3">
                {open.map((proposal) => (
                  <OpenSuggestion key={proposal.id} proposal={proposal} />
                ))}
              </ul>
            )}
            {decided.length > 0 && <DecidedSuggestions proposals={decided} />}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function OpenSuggestion({ proposal }: { proposal: BrandProposal }) {
  const [editing, setEditing] = useState(false);
  const accept = useAcceptBrandProposal(proposal);
  const dismiss = useDismissBrandProposal(proposal);
  const busy = accept.isPending || dismiss.isPending;
  const title = proposalKindLabel(proposal);
  return (
    <li aria-label={`${title}: ${proposal.text}`} className="rounded-lg border border-slate-200 p-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="brand">{title}</Badge>
        <span className="text-xs text-slate-600">{confidenceLabel(proposal.confidence)}</span>
      </div>
      <p className="mt-2 font-medium text-slate-900">{proposal.text}</p>
      <Evidence proposal={proposal} />
      {editing ? (
        <EditedAcceptance
          proposal={proposal}
          pending={accept.isPending}
          onCancel={() => setEditing(false)}
          onAccept={(body) => accept.mutate(body)}
        />
      ) : (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button size="sm" pending={accept.isPending} disabled={busy} onClick={() => accept.mutate({})}>
            <Check aria-hidden />
            Accept
          </Button>
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => setEditing(true)}>
            <Pencil aria-hidden />
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            pending={dismiss.isPending}
            disabled={busy}
            onClick={() => dismiss.mutate()}
          >
            <X aria-hidden />
            Dismiss
          </Button>
        </div>
      )}
    </li>
  );
}

/** The counts, then the quotes and findings behind them. */
function Evidence({ proposal }: { proposal: BrandProposal }) {
  const { evidence } = proposal;
  return (
    <div className="mt-2 text-slate-600">
      <p className="text-xs">
        {evidenceSummary(evidence)}
        {' · '}
        {proposal.source === 'both'
          ? 'counted and read by the AI'
          : proposal.source === 'signal'
            ? 'counted in the review history'
            : 'read by the AI'}
      </p>
      {evidence.lines.length > 0 && (
        <ul className="mt-1 grid gap-0.5 border-l-2 border-slate-200 pl-2">
          {evidence.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Accept with the agency's own wording (or limit), and why. */
function EditedAcceptance({
  proposal,
  pending,
  onCancel,
  onAccept,
}: {
  proposal: BrandProposal;
  pending: boolean;
  onCancel: () => void;
  onAccept: (body: { text?: string; maxCaptionChars?: number; reason?: string }) => void;
}) {
  const isLength = proposal.kind === 'caption_length';
  const [value, setValue] = useState(isLength ? String(proposal.maxCaptionChars ?? '') : proposal.text);
  const [reason, setReason] = useState('');
  const chars = Number(value);
  const invalid = isLength
    ? !Number.isInteger(chars) || chars < 40 || chars > 5000
    : value.trim().length === 0 || value.length > 500;
  const fieldId = `suggestion-${proposal.id}`;
  return (
    <form
      className="mt-3 grid gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (invalid) return;
        onAccept({
          ...(isLength ? { maxCaptionChars: chars } : { text: value.trim() }),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
      }}
    >
      <Field
        id={`${fieldId}-value`}
        label={isLength ? 'Caption length (characters)' : 'Wording'}
        error={
          invalid
            ? isLength
              ? 'Between 40 and 5,000 characters'
              : 'Enter the wording, up to 500 characters'
            : undefined
        }
      >
        {(control) =>
          isLength ? (
            <Input
              {...control}
              type="number"
              inputMode="numeric"
              min={40}
              max={5000}
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          ) : (
            <Input {...control} value={value} onChange={(event) => setValue(event.target.value)} />
          )
        }
      </Field>
      <Field
        id={`${fieldId}-reason`}
        label="Why (optional)"
        hint="Kept in the brand history with the new version."
      >
        {(control) => (
          <Input {...control} value={reason} onChange={(event) => setReason(event.target.value)} />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" pending={pending} disabled={invalid}>
          <Check aria-hidden />
          Accept edited
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** What was accepted (and into which version) or dismissed, out of the way. */
function DecidedSuggestions({ proposals }: { proposals: BrandProposal[] }) {
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">
        {plural(proposals.length, 'decided suggestion')}
      </summary>
      <ul className="mt-2 grid gap-2">
        {proposals.map((proposal) => (
          <li key={proposal.id} className="text-slate-600">
            <span className="font-medium text-slate-800">{proposalKindLabel(proposal)}:</span> {proposal.text}
            {' — '}
            {proposal.status === 'accepted'
              ? `accepted${proposal.brandVersion ? ` into version ${proposal.brandVersion}` : ''}`
              : 'dismissed'}
            {proposal.decidedBy && ` by ${proposal.decidedBy.name}`}
            {proposal.decidedAt && (
              <>
                {' · '}
                <time dateTime={proposal.decidedAt} title={formatDate(proposal.decidedAt)}>
                  {timeAgo(proposal.decidedAt)}
                </time>
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
