'use client';

import type { CommentVisibility } from '@muse/contracts';
import { Lock, Send } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { QueryError } from '@/components/query-state';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { Switch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { actorName } from '@/lib/activity';
import { timeAgo } from '@/lib/labels';
import type { Caller } from '@/lib/queries/ideas';
import { useAddComment, useComments } from '@/lib/queries/use-ideas';

/** The conversation on an idea. The agency chooses per comment whether the client sees it. */
export function CommentsPanel({
  ideaId,
  audience,
  caller = 'member',
}: {
  ideaId: string;
  audience: 'agency' | 'client';
  caller?: Caller;
}) {
  const comments = useComments(ideaId, caller);
  const add = useAddComment(ideaId, caller);
  const [body, setBody] = useState('');
  const [shareWithClient, setShareWithClient] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    const visibility: CommentVisibility | undefined =
      audience === 'agency' ? (shareWithClient ? 'CLIENT' : 'INTERNAL') : undefined;
    add.mutate(
      { body: body.trim(), ...(visibility ? { visibility } : {}) },
      {
        onSuccess: () => {
          setBody('');
          // Sharing is chosen per comment: the next one starts internal again.
          setShareWithClient(false);
        },
      },
    );
  }

  return (
    <div className="grid gap-4">
      {comments.isPending ? (
        <div className="grid gap-3">
          <Skeleton className="h-14" />
          <Skeleton className="h-14" />
        </div>
      ) : comments.isError ? (
        <QueryError error={comments.error} retry={() => comments.refetch()} className="py-6" />
      ) : comments.data.length === 0 ? (
        <p className="py-4 text-center text-sm text-slate-500">No comments yet.</p>
      ) : (
        <ol className="grid gap-4">
          {comments.data.map((comment) => (
            <li key={comment.id} className="flex gap-3">
              <Avatar name={actorName(comment) ?? 'Former user'} className="size-7 text-[10px]" />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
                  <span className="font-medium text-slate-800">{actorName(comment) ?? 'Former user'}</span>
                  <time dateTime={comment.createdAt}>{timeAgo(comment.createdAt)}</time>
                  {audience === 'agency' && comment.visibility === 'INTERNAL' && (
                    <Badge>
                      <Lock aria-hidden />
                      Internal
                    </Badge>
                  )}
                </p>
                <p
                  className={
                    comment.visibility === 'INTERNAL' && audience === 'agency'
                      ? 'mt-1 whitespace-pre-wrap rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800'
                      : 'mt-1 whitespace-pre-wrap rounded-lg bg-brand-50 px-3 py-2 text-sm text-slate-800'
                  }
                >
                  {comment.body}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="grid gap-2 border-t border-slate-100 pt-4">
        <Label htmlFor={`comment-${ideaId}`} className="sr-only">
          Comment
        </Label>
        <Textarea
          id={`comment-${ideaId}`}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          placeholder={audience === 'agency' ? 'Write a comment…' : 'Write a comment for the agency…'}
          rows={2}
          maxLength={4000}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
          }}
        />
        <div className="flex flex-wrap items-center justify-between gap-2">
          {audience === 'agency' ? (
            <div className="flex items-center gap-2">
              <Switch id={`share-${ideaId}`} checked={shareWithClient} onCheckedChange={setShareWithClient} />
              <Label htmlFor={`share-${ideaId}`} className="font-normal text-slate-600">
                {shareWithClient ? 'Visible to the client' : 'Internal — only your team sees it'}
              </Label>
            </div>
          ) : (
            <span className="text-xs text-slate-500">The agency sees your comment right away.</span>
          )}
          <Button type="submit" size="sm" pending={add.isPending} disabled={!body.trim()}>
            <Send aria-hidden />
            Comment
          </Button>
        </div>
      </form>
    </div>
  );
}
