import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HTTP endpoint as both sides see it: the API validates with it, clients call with it, and
 * the OpenAPI document is generated from it. `path` uses `:name` parameters.
 */
export interface RouteContract {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  /**
   * `bearer`: a signed-in user's token in `Authorization: Bearer`; `review-link`: a review link's
   * token in the `X-Muse-Review-Link` header; `stream-token`: a live-stream token (which a user or
   * a link holder is given by the routes above) in the `token` query parameter, for EventSource,
   * which cannot send headers; `feed-token`: the secret of a user's calendar subscription address
   * in the `token` query parameter, for calendar apps, which cannot sign in.
   */
  auth: 'none' | 'bearer' | 'review-link' | 'stream-token' | 'feed-token';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success body; JSON unless `contentType` says otherwise. */
  response?: z.ZodType;
  contentType?:
    | 'application/json'
    | 'text/plain'
    | 'text/csv'
    | 'text/calendar'
    | 'text/html'
    | 'text/css'
    | 'text/javascript'
    | 'text/event-stream'
    | 'application/x-ndjson'
    | 'image/png';
  successStatus?: 200 | 201 | 202 | 204;
  /**
   * Statuses of domain rules this route may answer with, besides the ones every route can;
   * 429 here means the monthly token quota (`quota_exceeded`), on top of rate limiting.
   */
  errors?: readonly (409 | 422 | 429)[];
}

/** A group of route contracts, keeping each one's literal type for the API and the clients. */
export function defineRouteContracts<const T extends Record<string, RouteContract>>(routes: T): T {
  return routes;
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string has the shape of one of our ids (a UUID of any version), before anything is looked up. */
export const isUuid = (value: string): boolean => UUID_SHAPE.test(value);

/** `:id` of a single resource. */
export const IdParams = z.strictObject({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParams>;

export const Timestamp = z.iso.datetime({ offset: true });
