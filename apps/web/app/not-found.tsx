import { Logo } from '@/components/shell/logo';
import { NotFoundPanel } from '@/components/shell/not-found-panel';

/** Any address outside the app's areas: the way back is Muse's front door. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-50 px-4 py-10 sm:py-16">
      <div className="w-full max-w-lg">
        <Logo className="mx-auto mb-8" />
        <NotFoundPanel home="/" homeLabel="Go to Muse" />
      </div>
    </main>
  );
}
