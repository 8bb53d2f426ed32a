'use client';

import type { Tenant } from '@muse/contracts';
import { Building2, MoreHorizontal } from 'lucide-react';
import { useState } from 'react';
import { ListStates } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { EmptyState } from '@/components/ui/empty-state';
import { Progress } from '@/components/ui/progress';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatCompact, TENANT_STATUS } from '@/lib/labels';
import { useTenants, useUpdateTenant } from '@/lib/queries/use-tenants';
import { blockedSentence, generationBlocked, nextQuotaMonth } from '@/lib/quota';
import { CreateTenantDialog } from './create-tenant-dialog';
import { QuotaDialog } from './quota-dialog';

type Pending = { tenant: Tenant; kind: 'suspend' | 'quota' } | null;

export function TenantsTable() {
  const tenants = useTenants();
  const [pending, setPending] = useState<Pending>(null);

  const update = useUpdateTenant();
  const change = (variables: Parameters<typeof update.mutate>[0]) =>
    update.mutate(variables, { onSuccess: () => setPending(null) });

  return (
    <>
      <PageHeader
        title="Agencies"
        description="Every agency on this Muse installation, its usage this month and its quota."
        actions={<CreateTenantDialog />}
      />
      <ListStates
        query={tenants}
        rows={2}
        empty={
          <EmptyState
            icon={Building2}
            title="No agencies yet"
            description="Create the first agency and invite its admin."
            action={<CreateTenantDialog />}
          />
        }
      >
        {(list) => (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Agency</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="hidden text-right md:table-cell">Users</TableHead>
                <TableHead className="hidden text-right md:table-cell">Campaigns</TableHead>
                <TableHead className="min-w-48">Tokens this month</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((tenant) => {
                const used = tenant.usage.tokensUsedThisMonth;
                const share = tenant.monthlyTokenQuota === 0 ? 1 : used / tenant.monthlyTokenQuota;
                const blocked = generationBlocked(used, tenant.monthlyTokenQuota);
                return (
                  <TableRow key={tenant.id} data-testid="tenant-row">
                    <TableCell>
                      <p className="font-medium text-slate-900">{tenant.name}</p>
                      <p className="text-xs text-slate-500">{tenant.slug}</p>
                    </TableCell>
                    <TableCell>
                      <Badge tone={TENANT_STATUS[tenant.status].tone}>
                        {TENANT_STATUS[tenant.status].label}
                      </Badge>
                    </TableCell>
                    <TableCell className="hidden text-right tabular-nums md:table-cell">
                      {tenant.usage.users}
                    </TableCell>
                    <TableCell className="hidden text-right tabular-nums md:table-cell">
                      {tenant.usage.campaigns}
                    </TableCell>
                    <TableCell>
                      <div className="grid gap-1">
                        <span className="text-xs tabular-nums text-slate-600">
                          {formatCompact(used)} / {formatCompact(tenant.monthlyTokenQuota)}
                        </span>
                        <Progress
                          label={`${tenant.name}: tokens used of quota`}
                          value={blocked ? Math.max(tenant.monthlyTokenQuota, 1) : used}
                          max={Math.max(tenant.monthlyTokenQuota, 1)}
                          indicatorClassName={
                            share >= 0.9 ? 'bg-red-500' : share >= 0.75 ? 'bg-amber-500' : undefined
                          }
                        />
                        {blocked && (
                          <p className="max-w-64 text-xs font-medium text-red-700">
                            Quota used up. {blockedSentence(nextQuotaMonth())}
                          </p>
                        )}
                      </div>
                    </TableCell>
                    <TableCell>
                      <DropdownMenu>
                        <DropdownMenuTrigger asChild>
                          <Button variant="ghost" size="icon" aria-label={`Actions for ${tenant.name}`}>
                            <MoreHorizontal aria-hidden />
                          </Button>
                        </DropdownMenuTrigger>
                        <DropdownMenuContent align="end">
                          <DropdownMenuItem onSelect={() => setPending({ tenant, kind: 'quota' })}>
                            Edit quota
                          </DropdownMenuItem>
                          {tenant.status === 'ACTIVE' ? (
                            <DropdownMenuItem
                              className="text-red-600 data-[highlighted]:bg-red-50"
                              onSelect={() => setPending({ tenant, kind: 'suspend' })}
                            >
                              Suspend
                            </DropdownMenuItem>
                          ) : (
                            <DropdownMenuItem
                              onSelect={() => change({ id: tenant.id, body: { status: 'ACTIVE' } })}
                            >
                              Reactivate
                            </DropdownMenuItem>
                          )}
                        </DropdownMenuContent>
                      </DropdownMenu>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </ListStates>

      <Dialog open={pending?.kind === 'suspend'} onOpenChange={(open) => !open && setPending(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Suspend {pending?.tenant.name}?</DialogTitle>
            <DialogDescription>
              Everyone at this agency, and its clients, lose access at once. Their data stays; you can
              reactivate the agency at any time.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setPending(null)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              pending={update.isPending}
              onClick={() => pending && change({ id: pending.tenant.id, body: { status: 'SUSPENDED' } })}
            >
              Suspend agency
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <QuotaDialog
        tenant={pending?.kind === 'quota' ? pending.tenant : null}
        onClose={() => setPending(null)}
      />
    </>
  );
}
