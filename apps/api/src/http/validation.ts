import type { RouteContract, ValidationIssue } from '@muse/contracts';
import { issuesOf } from '@muse/http';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { AppError } from './app-error.ts';

type Location = NonNullable<ValidationIssue['location']>;

function parsePart<S extends z.ZodType>(schema: S, value: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('invalid_input', `The request ${location} is not valid`, {
      details: issuesOf(result.error, location),
    });
  }
  return result.data;
}

type Part<C extends RouteContract, K extends Location> = C[K] extends z.ZodType ? z.output<C[K]> : undefined;

export interface ParsedRequest<C extends RouteContract> {
  params: Part<C, 'params'>;
  query: Part<C, 'query'>;
  body: Part<C, 'body'>;
}

/** Validates params, query and body against the route's contract (400 invalid_input otherwise). */
export function parseRequest<C extends RouteContract>(contract: C, req: Request): ParsedRequest<C> {
  const parse = (location: Location, value: unknown) => {
    const schema = contract[location];
    return schema ? parsePart(schema, value, location) : undefined;
  };
  return {
    params: parse('params', req.params),
    query: parse('query', req.query),
    body: parse('body', req.body ?? {}),
  } as ParsedRequest<C>;
}

/** Dates become ISO strings, as JSON has them. A plain loop: this runs over every response. */
function toWire(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toWire);
  const wire: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) wire[key] = toWire(item);
  return wire;
}

/**
 * Sends the success response through the contract's schema, so only listed fields leave the
 * process. A mismatch is a bug of ours: a 500, not the caller's 400.
 */
export function sendResponse(res: Response, contract: RouteContract, value?: unknown): void {
  const status = contract.successStatus ?? 200;
  if (!contract.response) {
    res.status(status).end();
    return;
  }
  const result = contract.response.safeParse(toWire(value));
  if (!result.success) {
    throw new Error(`response of ${contract.method} ${contract.path} does not match its contract`, {
      cause: result.error,
    });
  }
  res.status(status).json(result.data);
}
