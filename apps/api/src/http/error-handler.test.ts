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

  it('when PostgreSQL is shutting down, starting up or drops the connection mid-request, then 503 unavailable', () => {
    const serverSaid = (prismaCode: string, sqlState: string) =>
      prismaError(prismaCode, { driverAdapterError: { cause: { kind: 'postgres', code: sqlState } } });
    expect(toAppError(serverSaid('P2039', '57P01'))).toMatchObject({ code: 'unavailable', status: 503 });
    expect(toAppError(serverSaid('P2039', '57P03'))).toMatchObject({ code: 'unavailable', status: 503 });
    expect(toAppError(serverSaid('P2010', '08006'))).toMatchObject({ code: 'unavailable', status: 503 });
    const adapterError = Object.assign(new Error('terminating connection due to administrator command'), {
      name: 'DriverAdapterError',
      cause: { kind: 'postgres', code: '57P01' },
    });
    expect(toAppError(adapterError)).toMatchObject({ code: 'unavailable', status: 503 });
    expect(toAppError(new Error('Connection terminated unexpectedly'))).toMatchObject({
      code: 'unavailable',
    });
    expect(
      toAppError(new Error('Client has encountered a connection error and is not queryable')),
    ).toMatchObject({ code: 'unavailable' });
    expect(toAppError(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toMatchObject({
      code: 'unavailable',
    });
  });

  it('when a string holds a character PostgreSQL cannot store (a NUL), then 400 invalid_input', () => {
    const nul = prismaError('P2039', { driverAdapterError: { cause: { kind: 'postgres', code: '22021' } } });
    expect(toAppError(nul)).toMatchObject({ code: 'invalid_input', status: 400 });
  });

  it('when PostgreSQL rejects the query itself, then it stays 500 internal', () => {
    const syntax = prismaError('P2039', {
      driverAdapterError: { cause: { kind: 'postgres', code: '42601' } },
    });
    expect(toAppError(syntax)).toMatchObject({ code: 'internal', status: 500 });
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

  it('when a compressed body does not decompress, then 400 invalid_input', () => {
    const zlibError = Object.assign(new Error('incorrect header check'), {
      code: 'Z_DATA_ERROR',
      status: 400,
    });
    expect(toAppError(zlibError)).toMatchObject({ code: 'invalid_input', status: 400 });
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
