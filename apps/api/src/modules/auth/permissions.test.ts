import { Role } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import { authorize, can, PERMISSIONS, tenantScopeOf } from './permissions.ts';

describe('permission table', () => {
  it('lists only known roles, and every action has at least one', () => {
    for (const roles of Object.values(PERMISSIONS)) {
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) expect(Role.options).toContain(role);
    }
  });

  it('keeps platform admins out of agency content and agencies out of platform administration', () => {
    const actions = Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[];
    for (const action of actions.filter((a) => a.startsWith('users.')))
      expect(can('PLATFORM_ADMIN', action)).toBe(false);
    for (const action of actions.filter((a) => a.startsWith('tenants.'))) {
      for (const role of ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'] as const)
        expect(can(role, action)).toBe(false);
    }
  });

  it('lets only agency admins manage the team', () => {
    expect(Role.options.filter((role) => can(role, 'users.update'))).toEqual(['AGENCY_ADMIN']);
  });

  it('lets exactly the roles that may archive a client restore it', () => {
    expect(Role.options.filter((role) => can(role, 'clients.restore'))).toEqual(
      Role.options.filter((role) => can(role, 'clients.archive')),
    );
  });

  it('when a role may not act, then authorize throws 403 forbidden', () => {
    expect(() => authorize({ role: 'AGENCY_MEMBER' }, 'users.invite')).toThrow(
      expect.objectContaining({ code: 'forbidden', status: 403 }),
    );
    expect(() => authorize({ role: 'AGENCY_ADMIN' }, 'users.invite')).not.toThrow();
  });

  it('when an actor without a tenant reaches an agency action, then 403', () => {
    expect(() => tenantScopeOf({ tenantId: null })).toThrow(AppError);
    expect(tenantScopeOf({ tenantId: 't-1' })).toBe('t-1');
  });
});
