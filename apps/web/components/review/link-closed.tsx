import { Link2Off } from 'lucide-react';
import type { ClosedLink } from '@/lib/review-link';

const WHY: Record<ClosedLink, { title: string; description: string }> = {
  expired: {
    title: 'This review link has expired',
    description: 'Links to a review work for a limited time.',
  },
  revoked: {
    title: 'This review link no longer works',
    description: 'The agency replaced it with a new link or stopped sharing this review.',
  },
  invalid: {
    title: 'This review link doesn’t work',
    description: 'The address may be incomplete: check that you copied all of it.',
  },
};

/** What a link that opens nothing says: why, and how to get one that works. Never any data. */
export function LinkClosed({ reason }: { reason: ClosedLink }) {
  const { title, description } = WHY[reason];
  return (
    <main
      id="main"
      data-testid="link-closed"
      className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center px-6 text-center"
    >
      <span className="flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-600">
        <Link2Off className="size-6" aria-hidden />
      </span>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm leading-6 text-slate-600">{description}</p>
      <p className="mt-4 text-sm leading-6 text-slate-600">
        To review the ideas, ask the person at the agency who sent you the link for a new one.
      </p>
    </main>
  );
}
