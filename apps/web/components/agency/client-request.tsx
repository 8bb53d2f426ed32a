'use client';

import { MessageSquareWarning } from 'lucide-react';
import { timeAgo } from '@/lib/labels';
import { useComments } from '@/lib/queries/use-ideas';

/** What the client asked to change, at the top of an idea sent back: not buried in the comments. */
export function ClientRequest({ ideaId }: { ideaId: string }) {
  const comments = useComments(ideaId);
  const request = (comments.data ?? []).findLast((comment) => comment.author?.role === 'CLIENT');
  if (!request) return null;
  return (
    <figure
      aria-label="The client’s request"
      className="mt-3 flex gap-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <MessageSquareWarning className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
      <div>
        <blockquote className="whitespace-pre-wrap text-slate-800">{request.body}</blockquote>
        <figcaption className="mt-1 text-xs text-amber-700">
          {request.author?.name ?? 'The client'} asked for changes · {timeAgo(request.createdAt)}
        </figcaption>
      </div>
    </figure>
  );
}
