import { SearchX } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** A page that does not exist (or no longer does), with the way back to where the person works. */
export function NotFoundPanel({ home, homeLabel }: { home: string; homeLabel: string }) {
  return (
    <EmptyState
      icon={SearchX}
      title="This page doesn’t exist"
      description="The link may be mistyped, or what it pointed to was removed."
      action={
        <Link href={home} className={buttonVariants({ variant: 'secondary' })}>
          {homeLabel}
        </Link>
      }
    />
  );
}
