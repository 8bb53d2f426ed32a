'use client';

import type { TenantRole } from '@muse/contracts';
import { MoreHorizontal, Users } from 'lucide-react';
import { useSession } from '@/components/providers';
import { ListStates } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { timeAgo, USER_STATUS } from '@/lib/labels';
import { useUpdateUser, useUsers } from '@/lib/queries/use-users';
import { InviteDialog } from './invite-dialog';

export function TeamTable() {
  const session = useSession();
  const users = useUsers();
  const update = useUpdateUser();

  return (
    <>
      <PageHeader
        title="Team"
        description="Your agency’s people and the client contacts who review ideas."
        actions={<InviteDialog />}
      />
      <ListStates
        query={users}
        rows={3}
        empty={
          <EmptyState
            icon={Users}
            title="Nobody here yet"
            description="Invite teammates and client contacts."
            action={<InviteDialog />}
          />
        }
      >
        {(list) => (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Person</TableHead>
                <TableHead>Role</TableHead>
                <TableHead className="hidden md:table-cell">Status</TableHead>
                <TableHead className="hidden lg:table-cell">Last seen</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((user) => {
                const self = user.id === session.userId;
                return (
                  <TableRow key={user.id} className={user.status === 'DISABLED' ? 'opacity-60' : undefined}>
                    <TableCell>
                      <div className="flex items-center gap-3">
                        <Avatar name={user.name} />
                        <div className="min-w-0">
                          <p className="truncate font-medium text-slate-900">
                            {user.name}
                            {self && <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span>}
                          </p>
                          <p className="truncate text-xs text-slate-500">{user.email}</p>
                        </div>
                      </div>
                    </TableCell>
                    <TableCell>
                      <span className="text-slate-700">{ROLE_LABELS[user.role]}</span>
                      {user.client && (
                        <span className="block text-xs text-slate-500">{user.client.name}</span>
                      )}
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      <Badge tone={USER_STATUS[user.status].tone}>{USER_STATUS[user.status].label}</Badge>
                    </TableCell>
                    <TableCell className="hidden text-slate-500 lg:table-cell">
                      {user.lastSeenAt ? timeAgo(user.lastSeenAt) : 'Never'}
                    </TableCell>
                    <TableCell>
                      {!self && (
                        <DropdownMenu>
                          <DropdownMenuTrigger asChild>
                            <Button variant="ghost" size="icon" aria-label={`Actions for ${user.name}`}>
                              <MoreHorizontal aria-hidden />
                            </Button>
                          </DropdownMenuTrigger>
                          <DropdownMenuContent align="end">
                            {user.role !== 'CLIENT' && (
                              <>
                                <DropdownMenuLabel>Change role</DropdownMenuLabel>
                                {(['AGENCY_ADMIN', 'AGENCY_MEMBER'] as TenantRole[])
                                  .filter((role) => role !== user.role)
                                  .map((role) => (
                                    <DropdownMenuItem
                                      key={role}
                                      onSelect={() => update.mutate({ id: user.id, body: { role } })}
                                    >
                                      Make {ROLE_LABELS[role].toLowerCase()}
                                    </DropdownMenuItem>
                                  ))}
                                <DropdownMenuSeparator />
                              </>
                            )}
                            {user.status === 'DISABLED' ? (
                              <DropdownMenuItem
                                onSelect={() => update.mutate({ id: user.id, body: { status: 'ACTIVE' } })}
                              >
                                Re-enable
                              </DropdownMenuItem>
                            ) : (
                              <DropdownMenuItem
                                className="text-red-600 data-[highlighted]:bg-red-50"
                                onSelect={() => update.mutate({ id: user.id, body: { status: 'DISABLED' } })}
                              >
                                Disable access
                              </DropdownMenuItem>
                            )}
                          </DropdownMenuContent>
                        </DropdownMenu>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </ListStates>
    </>
  );
}
