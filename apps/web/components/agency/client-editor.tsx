'use client';

import type { Client } from '@muse/contracts';
import { Archive, ArchiveRestore } from 'lucide-react';
import Link from 'next/link';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { formatDate } from '@/lib/labels';
import { useChangeClientArchive, useClient } from '@/lib/queries/use-clients';
import { BrandHistory } from './brand-history';
import { BrandSuggestions } from './brand-suggestions';
import { ClientForm } from './client-form';

export function ClientEditor({ id }: { id: string }) {
  const client = useClient(id);
  if (client.isPending) return <PageSkeleton cards={3} />;
  if (client.isError) return <QueryError error={client.error} retry={() => client.refetch()} />;
  const archived = client.data.archivedAt !== null;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href="/app/clients" className="hover:text-slate-700">
            Clients
          </Link>
        }
        title={
          archived ? (
            <span className="flex flex-wrap items-center gap-2">
              {client.data.name}
              <Badge>Archived</Badge>
            </span>
          ) : (
            client.data.name
          )
        }
        description="Brand profile"
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/app/campaigns?clientId=${id}`}>View campaigns</Link>
            </Button>
            {!archived && <ArchiveButton client={client.data} />}
          </>
        }
      />
      {archived && <ArchivedNotice client={client.data} />}
      <BrandSuggestions clientId={id} />
      <ClientForm client={client.data} />
      <div className="mt-6">
        <BrandHistory clientId={id} />
      </div>
    </div>
  );
}

/** Archiving hides the client from new work, so it asks first and says how to undo it. */
function ArchiveButton({ client }: { client: Client }) {
  const archive = useChangeClientArchive(client, 'archive');
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Archive aria-hidden />
          Archive
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Archive {client.name}?</DialogTitle>
          <DialogDescription>
            Its campaigns and ideas stay as they are, but no new campaign can be created for it. You can
            restore it at any time from this page.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <DialogClose asChild>
            <Button pending={archive.isPending} onClick={() => archive.mutate()}>
              Archive
            </Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** An archived client keeps its campaigns and ideas but gets no new campaigns until it is restored. */
function ArchivedNotice({ client }: { client: Client }) {
  const restore = useChangeClientArchive(client, 'restore');
  return (
    <div
      role="status"
      className="mb-6 flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="text-sm">
        <p className="font-medium text-slate-800">
          Archived on <time dateTime={client.archivedAt ?? undefined}>{formatDate(client.archivedAt)}</time>
        </p>
        <p className="text-slate-600">
          It keeps its campaigns and ideas, but no new campaign can be created for it until it is restored.
        </p>
      </div>
      <Button
        variant="secondary"
        className="w-fit"
        pending={restore.isPending}
        onClick={() => restore.mutate()}
      >
        <ArchiveRestore aria-hidden />
        Restore
      </Button>
    </div>
  );
}
