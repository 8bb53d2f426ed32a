import { Prisma } from '@muse/db';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error.ts';
import { toAppError } from './error-handler.ts';

const prismaError = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('database said no', { code, clientVersion: 'test', meta });

describe('mapping errors to the envelope', () => {
  it('when an AppError is thrown, then it is answered as is', () => {
    const error = new AppError('last_admin', 'keep one');
    expect(toAppError(error)).toBe(error);
    expect(error.status).toBe(409);
  });

  it('when a ZodError escapes, then 400 invalid_input with each path, unknown keys one by one', () => {
    const result = z.strictObject({ name: z.string() }).safeParse({ name: 1, extra: true, other: 2 });
    const mapped = toAppError(result.error);
    expect(mapped).toMatchObject({ code: 'invalid_input', status: 400 });
    expect(mapped.details).toEqual([
      { path: ['name'], code: 'invalid_type', message: expect.any(String) },
      { path: ['extra'], code: 'unrecognized_keys', message: 'unknown field' },
      { path: ['other'], code: 'unrecognized_keys', message: 'unknown field' },
    ]);
  });

  it('when Prisma reports a missing record, then 404; a unique violation, then 409 conflict', () => {
    expect(toAppError(prismaError('P2025'))).toMatchObject({ code: 'not_found', status: 404 });
    const conflict = toAppError(
      prismaError('P2002', { driverAdapterError: { cause: { constraint: { fields: ['email'] } } } }),
    );
    expect(conflict).toMatchObject({ code: 'conflict', status: 409, details: [{ fields: ['email'] }] });
  });

  it('when the database cannot be reached, then 503 unavailable', () => {
    expect(toAppError(prismaError('P1001'))).toMatchObject({ code: 'unavailable', status: 503 });
    expect(toAppError(prismaError('P2024'))).toMatchObject({ code: 'unavailable', status: 503 });
  });

  it('when the body parser fails, then malformed JSON is 400 and an oversized body 413', () => {
    expect(
      toAppError(Object.assign(new Error('x'), { type: 'entity.parse.failed', status: 400 })),
    ).toMatchObject({
      code: 'invalid_input',
    });
    expect(
      toAppError(Object.assign(new Error('x'), { type: 'entity.too.large', status: 413 })),
    ).toMatchObject({
      code: 'payload_too_large',
      status: 413,
    });
  });

  it('when anything else is thrown, then 500 internal without its message', () => {
    const mapped = toAppError(new Error('secret connection string'));
    expect(mapped).toMatchObject({
      code: 'internal',
      status: 500,
      message: 'Something went wrong on our side',
    });
    expect(toAppError('a string')).toMatchObject({ code: 'internal' });
  });
});
