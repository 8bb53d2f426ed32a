'use client';

import { PLATFORM_NAMES } from '@muse/contracts';
import { Building2, Plus, Search } from 'lucide-react';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { Switch } from '@/components/ui/switch';
import { useClients } from '@/lib/queries/use-clients';

export function ClientsList() {
  const [showArchived, setShowArchived] = useState(false);
  const clients = useClients(showArchived ? { includeArchived: true } : {});
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim().toLowerCase());
  const visible = (clients.data ?? []).filter(
    (client) =>
      !query || client.name.toLowerCase().includes(query) || client.industry.toLowerCase().includes(query),
  );
  const addButton = (
    <Button asChild>
      <Link href="/app/clients/new">
        <Plus aria-hidden />
        New client
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Clients"
        description="Brand profiles: voice, audience and guardrails for each client."
        actions={
          <>
            <div className="flex items-center gap-2">
              <Switch id="show-archived" checked={showArchived} onCheckedChange={setShowArchived} />
              <Label htmlFor="show-archived" className="font-normal text-slate-600">
                Show archived
              </Label>
            </div>
            {addButton}
          </>
        }
      />
      {clients.isError ? (
        <QueryError error={clients.error} retry={() => clients.refetch()} />
      ) : clients.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Skeleton className="h-36 rounded-xl" />
          <Skeleton className="h-36 rounded-xl" />
          <Skeleton className="h-36 rounded-xl" />
        </div>
      ) : clients.data.length === 0 ? (
        <EmptyState
          icon={Building2}
          title="Add your first client"
          description="A brand profile tells Muse how the client sounds, who it talks to and what it never says."
          action={addButton}
        />
      ) : (
        <>
          <div className="relative mb-4 max-w-sm">
            <Search
              className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400"
              aria-hidden
            />
            <Input
              type="search"
              aria-label="Search clients"
              placeholder="Search clients"
              className="pl-9"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          {visible.length === 0 ? (
            <p className="py-10 text-center text-sm text-slate-500">No client matches “{search}”.</p>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {visible.map((client) => (
                <li key={client.id}>
                  <Card className="h-full transition-shadow hover:shadow-md">
                    <Link
                      href={`/app/clients/${client.id}`}
                      className="flex h-full flex-col gap-3 rounded-xl p-5 focus-visible:outline-2 focus-visible:outline-brand-500"
                    >
                      <div className="flex items-center gap-3">
                        <Avatar name={client.name} className="size-10 rounded-lg" />
                        <div className="min-w-0">
                          <p className="flex items-center gap-2 font-semibold text-slate-900">
                            <span className="truncate">{client.name}</span>
                            {client.archivedAt && <Badge>Archived</Badge>}
                          </p>
                          <p className="truncate text-sm text-slate-500">
                            {client.industry || 'No industry set'}
                          </p>
                        </div>
                      </div>
                      <p className="line-clamp-2 text-sm text-slate-600">
                        {client.brandVoice || 'No brand voice yet — add one.'}
                      </p>
                      <div className="mt-auto flex flex-wrap gap-1.5">
                        {client.platforms.map((platform) => (
                          <Badge key={platform}>{PLATFORM_NAMES[platform]}</Badge>
                        ))}
                      </div>
                    </Link>
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
