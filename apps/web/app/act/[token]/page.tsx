import { IDEA_TYPE_NAMES, PLATFORM_NAMES, type ReviewActionView, RouteCallError } from '@muse/contracts';
import type { Metadata } from 'next';
import { Button } from '@/components/ui/button';
import { IDEA_STATUS } from '@/lib/labels';
import { openReviewAction } from '@/lib/signed-links';

// The address holds the token: no referrer leaves it, and no search engine keeps it.
export const metadata: Metadata = {
  title: 'Your answer',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

export const dynamic = 'force-dynamic';

type Idea = NonNullable<ReviewActionView['idea']>;

function IdeaContent({ idea }: { idea: Idea }) {
  return (
    <article className="mt-4 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {PLATFORM_NAMES[idea.platform]} {IDEA_TYPE_NAMES[idea.type].toLowerCase()}
      </p>
      <h2 className="mt-1 text-base font-semibold text-slate-900">{idea.title}</h2>
      {idea.hook && <p className="mt-2 font-medium text-slate-800">{idea.hook}</p>}
      {idea.caption && <p className="mt-2 whitespace-pre-line text-slate-700">{idea.caption}</p>}
      {idea.hashtags.length > 0 && <p className="mt-2 text-brand-700">{idea.hashtags.join(' ')}</p>}
      {idea.callToAction && <p className="mt-2 text-slate-700">{idea.callToAction}</p>}
    </article>
  );
}

function Closed({ title, text }: { title: string; text: string }) {
  return (
    <Page>
      <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{text}</p>
    </Page>
  );
}

function Page({ children, agency }: { children: React.ReactNode; agency?: string }) {
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 px-4 py-8 sm:py-16">
      <div className="w-full max-w-lg rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
        {agency && <p className="mb-4 text-sm font-semibold text-slate-900">{agency}</p>}
        {children}
      </div>
    </main>
  );
}

/**
 * Where a message's Approve and Request changes buttons lead. Opening it answers nothing (mail
 * scanners open links): it shows the idea as the reviewer was sent it and asks for one tap.
 */
export default async function AnswerFromMailPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { token } = await params;
  const { error } = await searchParams;
  let view: ReviewActionView;
  try {
    view = await openReviewAction(token);
  } catch (failure) {
    if (failure instanceof RouteCallError && failure.status === 410) {
      return (
        <Closed
          title="This review link no longer works"
          text="The agency ended the link this email came with. Ask the person who sent it for a new one."
        />
      );
    }
    if (failure instanceof RouteCallError && (failure.status === 400 || failure.status === 403)) {
      return (
        <Closed
          title="This link is not valid any more"
          text="Links in review emails work for a week. Open the latest email about these ideas, or ask the agency to send them again."
        />
      );
    }
    return <Closed title="We could not open this just now" text="Please try again in a minute." />;
  }

  const { idea, decision } = view;
  const approving = decision === 'CLIENT_APPROVED';
  const review = (
    <p className="mt-5 text-sm">
      <a className="font-medium text-brand-700 underline" href={view.reviewUrl}>
        See all the ideas of {view.campaignName}
      </a>
    </p>
  );

  if (view.state === 'unavailable' || !idea) {
    return (
      <Page agency={view.agency.name}>
        <h1 className="text-lg font-semibold text-slate-900">This idea no longer waits for you</h1>
        <p className="mt-2 text-sm text-slate-600">The agency took it back to rework it.</p>
        {review}
      </Page>
    );
  }
  if (view.state === 'answered') {
    return (
      <Page agency={view.agency.name}>
        <h1 className="text-lg font-semibold text-slate-900" role="status">
          {IDEA_STATUS[idea.status].clientLabel}: {idea.title}
        </h1>
        <p className="mt-2 text-sm text-slate-600">
          Thank you, {view.reviewerName}. {view.agency.name} sees your answer.
        </p>
        <IdeaContent idea={idea} />
        {review}
      </Page>
    );
  }
  if (view.state === 'changed' && view.current) {
    return (
      <Page agency={view.agency.name}>
        <h1 className="text-lg font-semibold text-slate-900">This idea changed since the email</h1>
        <p className="mt-2 text-sm text-slate-600">Here is the version that waits for you now.</p>
        <IdeaContent idea={idea} />
        <div className="mt-5 flex flex-wrap gap-2">
          <Button asChild>
            <a href={`/act/${view.current.approve}`}>Approve this version</a>
          </Button>
          <Button asChild variant="secondary">
            <a href={`/act/${view.current.changes}`}>Request changes</a>
          </Button>
        </div>
        {review}
      </Page>
    );
  }
  return (
    <Page agency={view.agency.name}>
      <h1 className="text-lg font-semibold text-slate-900">
        {approving ? `Approve “${idea.title}”?` : `Request changes to “${idea.title}”`}
      </h1>
      <IdeaContent idea={idea} />
      <form method="post" action={`/act/${encodeURIComponent(token)}/answer`} className="mt-5 grid gap-3">
        {!approving && (
          <label className="grid gap-1.5 text-sm font-medium text-slate-900">
            What should change?
            <textarea
              name="comment"
              required
              rows={4}
              maxLength={4000}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm font-normal"
              aria-invalid={error === 'comment' || undefined}
            />
          </label>
        )}
        {error === 'comment' && (
          <p role="alert" className="text-sm text-red-700">
            Tell {view.agency.name} what to change.
          </p>
        )}
        {error === 'failed' && (
          <p role="alert" className="text-sm text-red-700">
            Your answer did not go through. Please try again.
          </p>
        )}
        <div>
          <Button type="submit" size="lg">
            {approving ? 'Approve' : 'Send change request'}
          </Button>
        </div>
      </form>
      {review}
    </Page>
  );
}
