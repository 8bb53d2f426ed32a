import { Building2 } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** The way to add the agency's first client: its campaigns need one, so it comes first. */
export function AddClientButton() {
  return (
    <Button asChild>
      <Link href="/app/clients/new">
        <Building2 aria-hidden />
        Add a client
      </Link>
    </Button>
  );
}

/** Said where a campaign would start while the agency has no client yet. */
export function FirstClientStep() {
  return (
    <EmptyState
      icon={Building2}
      title="Start with your first client"
      description="Campaigns are planned for a client: add its brand profile (voice, audience, platforms) first."
      action={<AddClientButton />}
    />
  );
}
