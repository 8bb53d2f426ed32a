import { randomUUID } from 'node:crypto';
import { IdParams } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DeclaredRoute } from '../stack/routes.ts';
import { contractRefuses, type RawRequest } from './contract-verdict.ts';

function routeWithBody(body: z.ZodType): DeclaredRoute {
  return {
    method: 'PATCH',
    path: '/api/things/:id',
    roles: ['AGENCY_ADMIN'],
    sample: undefined,
    definition: {
      contract: {
        method: 'PATCH',
        path: '/api/things/:id',
        summary: 'x',
        tags: [],
        auth: 'bearer',
        params: IdParams,
        body,
      },
      access: 'users.update',
      handle: () => undefined,
    },
  };
}

const strict = routeWithBody(z.strictObject({ name: z.string().min(1) }));
const allOptional = routeWithBody(z.strictObject({ name: z.string().optional() }));
const id = randomUUID();

const send = (
  payload: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  target = `/api/things/${id}`,
): RawRequest => ({
  method: 'PATCH',
  target,
  headers,
  payload: Buffer.from(payload),
});

describe('which requests the contract refuses', () => {
  it('when the request is valid, then it is not refused', () => {
    expect(contractRefuses(strict, send('{"name":"Ada"}'))).toBe(false);
  });

  it('when the JSON is broken or not an object, then it is refused', () => {
    expect(contractRefuses(strict, send('{"name":'))).toBe(true);
    expect(contractRefuses(strict, send('"Ada"'))).toBe(true);
  });

  it('when a body is not JSON, then it is refused, even where every field is optional', () => {
    const asText = send('{"name":"Ada"}', { 'content-type': 'text/plain' });
    expect(contractRefuses(strict, asText)).toBe(true);
    expect(contractRefuses(allOptional, asText)).toBe(true);
  });

  it('when the charset or encoding is not one the parser takes, then it is refused', () => {
    expect(
      contractRefuses(allOptional, send('{}', { 'content-type': 'application/json; charset=latin-9' })),
    ).toBe(true);
    expect(
      contractRefuses(
        allOptional,
        send('{}', { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
      ),
    ).toBe(true);
  });

  it('when a field is unknown, even __proto__, then the strict schema refuses it', () => {
    expect(contractRefuses(strict, send('{"__proto__":{"polluted":true},"name":"Ada"}'))).toBe(true);
    expect(contractRefuses(strict, send('{"name":"Ada","tenantId":"x"}'))).toBe(true);
  });

  it('when the id is not a UUID or cannot be decoded, then it is refused', () => {
    expect(contractRefuses(strict, send('{"name":"Ada"}', undefined, '/api/things/not-a-uuid'))).toBe(true);
    expect(contractRefuses(strict, send('{"name":"Ada"}', undefined, '/api/things/%E0%A4%A'))).toBe(true);
  });
});
