import { CreateTenantBody, InviteUserBody, RouteCallError, UpdateCampaignBody } from '@muse/contracts';
import type { FieldValues, Resolver, ResolverOptions } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { contractResolver, fromForm, showServerErrors } from './contract-form';

const run = <V extends FieldValues, B>(resolve: Resolver<V, unknown, B>, values: V) =>
  resolve(values, undefined, { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<V>);

describe('contractResolver', () => {
  it('hands the body over when the contract accepts it, and words refusals plainly by field', async () => {
    const resolve = contractResolver(
      fromForm(
        (draft: { email: string; name: string }) => ({ ...draft, role: 'AGENCY_MEMBER' as const }),
        InviteUserBody,
      ),
      { nouns: { name: 'a name' } },
    );
    expect(await run(resolve, { email: 'lena@example.com', name: 'Lena' })).toEqual({
      values: { email: 'lena@example.com', name: 'Lena', role: 'AGENCY_MEMBER' },
      errors: {},
    });
    const refused = await run(resolve, { email: 'lena', name: '' });
    expect(refused.values).toEqual({});
    expect(refused.errors).toMatchObject({
      name: { message: 'Enter a name' },
      email: { message: 'Enter an email address, like name@example.com' },
    });
  });

  it('keys nested bodies by path, fixes a field’s sentence, and puts body-wide issues on root.form', async () => {
    const tenant = contractResolver(
      fromForm((draft: z.input<typeof CreateTenantBody>) => draft, CreateTenantBody),
      {
        nouns: { name: 'a name' },
        keying: 'path',
      },
    );
    const refused = await run(tenant, { name: 'Acme', admin: { name: '', email: 'x' } });
    expect(refused.errors).toMatchObject({
      admin: {
        name: { message: 'Enter a name' },
        email: { message: 'Enter an email address, like name@example.com' },
      },
    });

    const campaign = contractResolver(
      fromForm((draft: z.input<typeof UpdateCampaignBody>) => draft, UpdateCampaignBody),
      {
        fixed: { numPosts: 'Plan something' },
      },
    );
    expect((await run(campaign, {})).errors).toMatchObject({
      root: { form: { message: 'Change at least one field' } },
    });
    expect((await run(campaign, { numPosts: 0, numReels: 0 })).errors).toMatchObject({
      numPosts: { message: 'Plan something' },
    });
  });
});

describe('showServerErrors', () => {
  const refusal = new RouteCallError(422, 'invalid_input', 'invalid', {
    details: [
      { path: ['admin', 'email'], message: 'already taken' },
      { path: ['admin', 'name'], message: 'too long' },
    ],
  });

  it('shows the first error of each field, capitalised', () => {
    const setError = vi.fn();
    showServerErrors(setError, refusal);
    expect(setError.mock.calls).toEqual([['admin', { type: 'server', message: 'Already taken' }]]);
  });

  it('shows each path on its own field when the form nests objects', () => {
    const setError = vi.fn();
    showServerErrors(setError, refusal, 'path');
    expect(setError.mock.calls).toEqual([
      ['admin.email', { type: 'server', message: 'Already taken' }],
      ['admin.name', { type: 'server', message: 'Too long' }],
    ]);
  });

  it('shows nothing for errors that are not about fields', () => {
    const setError = vi.fn();
    showServerErrors(setError, new RouteCallError(409, 'version_conflict', 'stale'));
    expect(setError).not.toHaveBeenCalled();
  });
});
