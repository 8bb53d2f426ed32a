import type { UpdateUserBody } from '@muse/contracts';
import { AppError } from '../../http/app-error.ts';
import type { UserRow } from './users.repository.ts';

type Changes = Record<string, { from: string | null; to: string | null }>;

export interface UserChange {
  data: { name?: string; role?: UserRow['role']; clientId?: string | null; status?: UserRow['status'] };
  /** Field → from/to, for the audit log. */
  changes: Changes;
  /** The change takes away the target's standing as an active agency admin. */
  removesActiveAdmin: boolean;
}

const invalidClient = (message: string) =>
  new AppError('invalid_input', message, {
    details: [{ location: 'body', path: ['clientId'], code: 'custom', message }],
  });

/**
 * What a PATCH /api/users/:id body does to a user: a CLIENT keeps (or gets) a client, other
 * roles have none; re-enabling returns a user who never signed in to INVITED.
 */
export function planUserChange(target: UserRow, body: UpdateUserBody): UserChange {
  const role = body.role ?? target.role;
  if (role === 'PLATFORM_ADMIN') throw new AppError('invalid_input', 'Platform admins are not team members');
  let clientId: string | null = null;
  if (role === 'CLIENT') {
    clientId = body.clientId ?? target.clientId;
    if (!clientId) throw invalidClient('a CLIENT user needs the client it belongs to');
  } else if (body.clientId) {
    throw invalidClient('only CLIENT users belong to a client');
  }
  let status = target.status;
  if (body.status === 'DISABLED') status = 'DISABLED';
  if (body.status === 'ACTIVE' && target.status === 'DISABLED')
    status = target.authSubject ? 'ACTIVE' : 'INVITED';

  const next = { name: body.name ?? target.name, role, clientId, status };
  const data: UserChange['data'] = {};
  const changes: Changes = {};
  for (const field of ['name', 'role', 'clientId', 'status'] as const) {
    if (next[field] !== target[field]) {
      Object.assign(data, { [field]: next[field] });
      changes[field] = { from: target[field], to: next[field] };
    }
  }
  const activeAdmin = (user: { role: string; status: string }) =>
    user.role === 'AGENCY_ADMIN' && user.status === 'ACTIVE';
  return { data, changes, removesActiveAdmin: activeAdmin(target) && !activeAdmin(next) };
}
