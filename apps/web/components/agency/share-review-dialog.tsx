'use client';

import {
  CreateReviewLinkBody,
  type IssuedReviewLink,
  REVIEW_LINK_DEFAULT_DAYS,
  type ReviewLink,
  type ReviewLinkState,
} from '@muse/contracts';
import { Check, ChevronDown, Copy, Link2, RefreshCw, Share2 } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { contractResolver, fromForm, showServerErrors } from '@/components/forms/contract-form';
import { QueryError } from '@/components/query-state';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDate, timeAgo } from '@/lib/labels';
import {
  useCreateReviewLink,
  useReissueReviewLink,
  useReviewLinks,
  useRevokeReviewLink,
} from '@/lib/queries/use-review-links';

const EXPIRY_DAYS = [3, 7, REVIEW_LINK_DEFAULT_DAYS, 30, 90];

const STATE: Record<ReviewLinkState, { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: 'Active', tone: 'success' },
  EXPIRED: { label: 'Expired', tone: 'warning' },
  REVOKED: { label: 'Revoked', tone: 'neutral' },
};

interface Draft {
  reviewerName: string;
  reviewerEmail: string;
  expiresInDays: string;
}

const blank: Draft = { reviewerName: '', reviewerEmail: '', expiresInDays: String(REVIEW_LINK_DEFAULT_DAYS) };

const bodyOf = ({ reviewerName, reviewerEmail, expiresInDays }: Draft) => ({
  reviewerName,
  reviewerEmail: reviewerEmail.trim() || null,
  expiresInDays: Number(expiresInDays),
});

const resolver = contractResolver(fromForm(bodyOf, CreateReviewLinkBody), {
  nouns: { reviewerName: 'the reviewer’s name' },
});

/** The address of a new link, shown once: only its hash is kept. */
function IssuedAddress({ issued, onDone }: { issued: IssuedReviewLink; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(issued.url);
    setCopied(true);
    toast.success('Link copied');
  }
  return (
    <div className="grid gap-3 rounded-lg border border-emerald-200 bg-emerald-50 p-3">
      <p className="text-sm text-emerald-900">
        {issued.link.reviewerEmail
          ? `We emailed this link to ${issued.link.reviewerEmail}. `
          : `Send this link to ${issued.link.reviewerName}. `}
        It is shown only now: copy it before you close this.
      </p>
      <div className="flex gap-2">
        <Input readOnly value={issued.url} aria-label="Review link" data-testid="review-link-url" />
        <Button type="button" variant="secondary" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <Button type="button" variant="ghost" size="sm" className="justify-self-end" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}

function LinkRow({
  link,
  campaignId,
  onIssued,
}: {
  link: ReviewLink;
  campaignId: string;
  onIssued: (issued: IssuedReviewLink) => void;
}) {
  const revoke = useRevokeReviewLink(campaignId);
  const reissue = useReissueReviewLink(campaignId);
  const state = STATE[link.state];
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 py-3" data-testid="review-link-row">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          {link.reviewerName}
          <Badge tone={state.tone}>{state.label}</Badge>
        </p>
        <p className="text-xs text-slate-500">
          {link.reviewerEmail ? `${link.reviewerEmail} · ` : ''}
          {link.state === 'REVOKED' ? 'Revoked' : link.state === 'EXPIRED' ? 'Expired' : 'Expires'}{' '}
          {formatDate(link.revokedAt ?? link.expiresAt)} ·{' '}
          {link.lastUsedAt ? `last answered ${timeAgo(link.lastUsedAt)}` : 'not answered yet'}
        </p>
      </div>
      <div className="flex gap-2">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="sm" pending={reissue.isPending}>
              <RefreshCw aria-hidden />
              New link
              <ChevronDown aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuLabel>Replace this link with one that works for</DropdownMenuLabel>
            {EXPIRY_DAYS.map((days) => (
              <DropdownMenuItem
                key={days}
                onSelect={() =>
                  reissue.mutate({ id: link.id, body: { expiresInDays: days } }, { onSuccess: onIssued })
                }
              >
                {days} days
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
        {link.state === 'ACTIVE' && (
          <Button
            variant="ghost"
            size="sm"
            className="text-red-700 hover:bg-red-50"
            pending={revoke.isPending}
            onClick={() => revoke.mutate(link.id)}
          >
            Revoke
          </Button>
        )}
      </div>
    </li>
  );
}

/** Shares the campaign's ideas with a reviewer who has no account, by a link of their own. */
export function ShareReviewDialog({ campaignId }: { campaignId: string }) {
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedReviewLink | null>(null);
  const links = useReviewLinks(campaignId);
  const create = useCreateReviewLink(campaignId);
  const form = useForm<Draft, unknown, CreateReviewLinkBody>({
    defaultValues: blank,
    resolver,
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;
  const expiresInDays = form.watch('expiresInDays');

  const submit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: (answer) => {
        setIssued(answer);
        form.reset(blank);
      },
      onError: (error) => showServerErrors(form.setError, error),
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // The address is shown once: closing the dialog forgets it.
        if (!next) setIssued(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Share2 aria-hidden />
          Share for review
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Share for review</DialogTitle>
          <DialogDescription>
            A reviewer without an account answers the ideas sent to the client, on any phone. A new link for
            the same reviewer replaces their old one.
          </DialogDescription>
        </DialogHeader>
        {issued ? (
          <IssuedAddress issued={issued} onDone={() => setIssued(null)} />
        ) : (
          <form id="share-review-form" onSubmit={submit} noValidate className="grid gap-4">
            <Field id="review-name" label="Reviewer’s name" error={errors.reviewerName?.message}>
              {(control) => <Input {...control} {...form.register('reviewerName')} autoComplete="off" />}
            </Field>
            <Field
              id="review-email"
              label="Email (optional)"
              hint="With an email, we send them the link from your agency."
              error={errors.reviewerEmail?.message}
            >
              {(control) => (
                <Input {...control} type="email" {...form.register('reviewerEmail')} autoComplete="off" />
              )}
            </Field>
            <Field id="review-expiry" label="Works for" error={errors.expiresInDays?.message}>
              {(control) => (
                <Select
                  value={expiresInDays}
                  onValueChange={(value) => form.setValue('expiresInDays', value, { shouldDirty: true })}
                >
                  <SelectTrigger {...control}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {EXPIRY_DAYS.map((days) => (
                      <SelectItem key={days} value={String(days)}>
                        {days} days
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </Field>
            <Button type="submit" className="justify-self-end" pending={create.isPending}>
              <Link2 aria-hidden />
              Create link
            </Button>
          </form>
        )}
        <section aria-label="Review links" className="border-t border-slate-100 pt-2">
          {links.isPending ? (
            <Skeleton className="h-14" />
          ) : links.isError ? (
            <QueryError error={links.error} retry={() => links.refetch()} className="py-4" />
          ) : links.data.length === 0 ? (
            <p className="py-3 text-sm text-slate-500">No review links yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {links.data.map((link) => (
                <LinkRow key={link.id} link={link} campaignId={campaignId} onIssued={setIssued} />
              ))}
            </ul>
          )}
        </section>
      </DialogContent>
    </Dialog>
  );
}
