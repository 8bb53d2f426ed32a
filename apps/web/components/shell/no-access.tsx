import { Lock } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** Said instead of a silent redirect: what this page is, who may use it, and the way back. */
export function NoAccess({ reason, home }: { reason: string; home: string }) {
  return (
    <EmptyState
      icon={Lock}
      title="You don’t have access to this page"
      description={reason}
      action={
        <Link href={home} className={buttonVariants({ variant: 'secondary' })}>
          Back to your home
        </Link>
      }
    />
  );
}
