import Link from 'next/link';

const steps = [
  {
    title: 'Keep every brand’s voice',
    body: 'Brand profiles hold the voice, tone, audience, the words a brand loves and the ones it never uses.',
  },
  {
    title: 'Generate ideas that fit',
    body: 'Turn a campaign brief into post and reel ideas — hooks, captions, hashtags, beat-by-beat reel scripts — checked against each platform’s limits.',
  },
  {
    title: 'Get them approved',
    body: 'Send ideas to the client’s portal. They approve, reject or ask for changes from their phone; every round is tracked.',
  },
];

export default function LandingPage() {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="mx-auto flex w-full max-w-6xl items-center justify-between px-6 py-5">
        <span className="text-xl font-semibold tracking-tight text-brand-700">Muse</span>
        <Link
          href="/sign-in"
          className="rounded-md px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          Sign in
        </Link>
      </header>

      <main className="flex-1">
        <section className="mx-auto max-w-6xl px-6 pb-16 pt-12 sm:pt-20">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-600">
            For social media agencies
          </p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
            Campaign ideas in your clients’ voice, approved without the email chains.
          </h1>
          <p className="mt-6 max-w-2xl text-lg text-slate-600">
            Muse keeps each client’s brand profile, turns your campaign brief into post and reel ideas with
            AI, and gives your clients a simple portal to approve them.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href="/sign-in"
              className="rounded-md bg-brand-600 px-5 py-3 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
            >
              Sign in to your workspace
            </Link>
          </div>
        </section>

        <section className="border-t border-slate-100 bg-slate-50">
          <ol className="mx-auto grid max-w-6xl gap-6 px-6 py-14 sm:grid-cols-3">
            {steps.map((step, index) => (
              <li key={step.title} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
                <span className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700">
                  {index + 1}
                </span>
                <h2 className="mt-4 text-lg font-semibold">{step.title}</h2>
                <p className="mt-2 text-sm leading-6 text-slate-600">{step.body}</p>
              </li>
            ))}
          </ol>
        </section>
      </main>

      <footer className="mx-auto w-full max-w-6xl px-6 py-8 text-sm text-slate-500">
        Muse · campaign ideation and client approval for agencies
      </footer>
    </div>
  );
}
