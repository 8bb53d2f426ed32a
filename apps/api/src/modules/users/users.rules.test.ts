import { describe, expect, it } from 'vitest';
import type { UserRow } from './users.repository.ts';
import { planUserChange } from './users.rules.ts';

const user = (overrides: Partial<UserRow> = {}): UserRow => ({
  id: 'u1',
  email: 'u1@example.test',
  name: 'Uma',
  role: 'AGENCY_MEMBER',
  status: 'ACTIVE',
  clientId: null,
  authSubject: 'local:u1@example.test',
  lastSeenAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  client: null,
  ...overrides,
});

describe('planning a user change', () => {
  it('when nothing differs, then there are no changes', () => {
    expect(planUserChange(user(), { name: 'Uma', role: 'AGENCY_MEMBER' }).changes).toEqual({});
  });

  it('when a member becomes CLIENT with a client, then both role and client change', () => {
    const plan = planUserChange(user(), { role: 'CLIENT', clientId: 'c1' });
    expect(plan.data).toEqual({ role: 'CLIENT', clientId: 'c1' });
    expect(plan.changes).toEqual({
      role: { from: 'AGENCY_MEMBER', to: 'CLIENT' },
      clientId: { from: null, to: 'c1' },
    });
  });

  it('when a member becomes CLIENT without a client, or a member gets a client, then invalid_input on clientId', () => {
    for (const body of [{ role: 'CLIENT' as const }, { clientId: 'c1' }]) {
      expect(() => planUserChange(user(), body)).toThrow(
        expect.objectContaining({
          code: 'invalid_input',
          details: [expect.objectContaining({ path: ['clientId'] })],
        }),
      );
    }
  });

  it('when a CLIENT is renamed, then it keeps its client', () => {
    const plan = planUserChange(user({ role: 'CLIENT', clientId: 'c1' }), { name: 'Una' });
    expect(plan.data).toEqual({ name: 'Una' });
  });

  it('when a disabled user that never signed in is re-enabled, then it is INVITED again', () => {
    expect(
      planUserChange(user({ status: 'DISABLED', authSubject: null }), { status: 'ACTIVE' }).data,
    ).toEqual({
      status: 'INVITED',
    });
    expect(planUserChange(user({ status: 'DISABLED' }), { status: 'ACTIVE' }).data).toEqual({
      status: 'ACTIVE',
    });
  });

  it('when an active admin is demoted or disabled, then the plan says it removes an active admin', () => {
    const admin = user({ role: 'AGENCY_ADMIN' });
    expect(planUserChange(admin, { role: 'AGENCY_MEMBER' }).removesActiveAdmin).toBe(true);
    expect(planUserChange(admin, { status: 'DISABLED' }).removesActiveAdmin).toBe(true);
    expect(planUserChange(admin, { name: 'Boss' }).removesActiveAdmin).toBe(false);
    expect(
      planUserChange(user({ role: 'AGENCY_ADMIN', status: 'INVITED' }), { status: 'DISABLED' })
        .removesActiveAdmin,
    ).toBe(false);
  });
});
