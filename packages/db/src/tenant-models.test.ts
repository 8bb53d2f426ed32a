import { describe, expect, it } from 'vitest';
import { scopeArgs, TENANT_MODELS, TenantGuardError } from './client.ts';
import { Prisma } from './generated/prisma/client.ts';

const TENANT = '11111111-1111-4111-8111-111111111111';

describe('tenant guard', () => {
  it('guards every model that has a tenantId field', () => {
    const withTenantId = Object.values(Prisma.ModelName).filter((model) => {
      const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[
        `${model}ScalarFieldEnum`
      ];
      return fields !== undefined && 'tenantId' in fields;
    });
    expect(withTenantId.length).toBeGreaterThan(0);
    expect([...TENANT_MODELS].sort()).toEqual([...withTenantId].sort());
  });

  it('adds the tenant to filters and created rows', () => {
    expect(scopeArgs('findMany', { where: { status: 'GENERATED' } }, TENANT)).toEqual({
      where: { status: 'GENERATED', tenantId: TENANT },
    });
    expect(scopeArgs('createMany', { data: [{ name: 'a' }, { name: 'b' }] }, TENANT)).toEqual({
      data: [
        { name: 'a', tenantId: TENANT },
        { name: 'b', tenantId: TENANT },
      ],
    });
    expect(
      scopeArgs('upsert', { where: { id: 'x' }, create: { name: 'a' }, update: {} }, TENANT),
    ).toMatchObject({
      where: { id: 'x', tenantId: TENANT },
      create: { name: 'a', tenantId: TENANT },
    });
  });

  it('when a query names another tenant, then it is refused', () => {
    expect(() => scopeArgs('findFirst', { where: { tenantId: 'other' } }, TENANT)).toThrow(TenantGuardError);
  });
});
