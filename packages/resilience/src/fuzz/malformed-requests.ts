import type { ResourceKind } from '@muse/api/testing';
import { concretePath, type DeclaredRoute, sampleBody } from '../stack/routes.ts';
import type { RawRequest } from './contract-verdict.ts';
import {
  BAD_CURSORS,
  BAD_IDS,
  BAD_LIMITS,
  deeplyNested,
  HOSTILE_STRINGS,
  hugeString,
  RAW_BAD_SEGMENTS,
  WRONG_TYPES,
} from './hostile-values.ts';
import type { Random } from './random.ts';

/** One generated request, with what it tried. */
export interface FuzzCase {
  route: DeclaredRoute;
  /** The kind of malformation, e.g. `malformed JSON` or `bad id`. */
  kind: string;
  request: RawRequest;
  /**
   * Must be refused whatever the contract says: its path names no row (a bad or unknown id), or it
   * carries a string PostgreSQL cannot store (a NUL character).
   */
  alwaysRefused: boolean;
}

/** What a route's mutations start from: a valid path, query and body on agency A's data. */
interface Base {
  route: DeclaredRoute;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  authorization: string;
}

type Mutation = (base: Base, random: Random) => Omit<FuzzCase, 'route'> | undefined;

const JSON_HEADERS = { 'content-type': 'application/json' };

function request(base: Base, parts: Partial<RawRequest> & { query?: Record<string, string> }): RawRequest {
  const query = new URLSearchParams(parts.query ?? base.query).toString();
  return {
    method: base.route.method,
    target: parts.target ?? (query ? `${base.path}?${query}` : base.path),
    headers: { authorization: base.authorization, ...parts.headers },
    payload: parts.payload,
  };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** The field names of a zod object schema (none for other schemas). */
const fieldsOfSchema = (schema: unknown) =>
  Object.keys((schema as { shape?: object } | undefined)?.shape ?? {});

/** Field names of the body: the sample's and the schema's. */
function fieldsOf(base: Base): string[] {
  return [
    ...new Set([...Object.keys(base.body ?? {}), ...fieldsOfSchema(base.route.definition?.contract.body)]),
  ];
}

function withField(base: Base, random: Random, value: (random: Random) => unknown): RawRequest | undefined {
  const fields = fieldsOf(base);
  if (!base.body || fields.length === 0) return undefined;
  const body = { ...base.body, [random.pick(fields)]: value(random) };
  return request(base, { headers: JSON_HEADERS, payload: json(body) });
}

const withBody =
  (mutation: Mutation): Mutation =>
  (base, random) =>
    base.route.definition?.contract.body && base.body ? mutation(base, random) : undefined;

const withParams =
  (mutation: Mutation): Mutation =>
  (base, random) =>
    base.route.path.includes(':') ? mutation(base, random) : undefined;

/** Replaces one `:param` of the route's path with `segment` (sent as given). */
function pathWith(base: Base, random: Random, segment: string): string {
  const pattern = base.route.path.split('/');
  const params = pattern.flatMap((part, index) => (part.startsWith(':') ? [index] : []));
  const target = random.pick(params);
  const actual = base.path.split('/');
  actual[target] = segment;
  return actual.join('/');
}

const MUTATIONS: Record<string, Mutation> = {
  'malformed JSON': withBody((base, random) => {
    const valid = JSON.stringify(base.body);
    const text = random.pick([
      valid.slice(0, 1 + random.int(Math.max(1, valid.length - 1))),
      valid.replace(':', '='),
      `${valid.slice(0, -1)},}`,
      "{'name': 'single quotes'}",
      '{"a": NaN}',
      '{"a": undefined}',
      '/* comment */ {}',
      `${valid}${valid}`,
      '{"a": "raw \u0001 control"}',
      '[',
      '{"a":',
      '"unterminated',
    ]);
    return {
      kind: 'malformed JSON',
      request: request(base, { headers: JSON_HEADERS, payload: Buffer.from(text) }),
      alwaysRefused: false,
    };
  }),
  'wrong content type': withBody((base, random) => {
    const contentType = random.pick([
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/xml',
      'application/octet-stream',
      'application/json; charset=utf-16',
      'application/json; charset=latin-9',
      'application/json-patch+json',
    ]);
    const payload = contentType.startsWith('application/x-www')
      ? Buffer.from('name=x&role=admin')
      : json(base.body);
    return {
      kind: 'wrong content type',
      request: request(base, { headers: { 'content-type': contentType }, payload }),
      alwaysRefused: false,
    };
  }),
  'body encoding': withBody((base, random) => {
    const payload = random.pick([
      Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]),
      Buffer.from('not gzip at all'),
    ]);
    const headers: Record<string, string> = payload.includes(0xc3)
      ? JSON_HEADERS
      : { ...JSON_HEADERS, 'content-encoding': random.pick(['gzip', 'deflate', 'compress', 'x-unknown']) };
    return { kind: 'body encoding', request: request(base, { headers, payload }), alwaysRefused: false };
  }),
  'not an object': withBody((base, random) => {
    const text = random.pick([
      'null',
      '42',
      '"text"',
      'true',
      '[]',
      `[${JSON.stringify(base.body)}]`,
      '[[[[]]]]',
    ]);
    return {
      kind: 'not an object',
      request: request(base, { headers: JSON_HEADERS, payload: Buffer.from(text) }),
      alwaysRefused: false,
    };
  }),
  'wrong type': withBody((base, random) => {
    const built = withField(base, random, (r) => r.pick(WRONG_TYPES));
    return built && { kind: 'wrong type', request: built, alwaysRefused: false };
  }),
  'hostile string': withBody((base, random) => {
    const built = withField(base, random, (r) => r.pick(HOSTILE_STRINGS));
    return built && { kind: 'hostile string', request: built, alwaysRefused: false };
  }),
  'NUL character': withBody((base, random) => {
    const built = withField(base, random, (r) => `${r.pick(['', 'Brand ', 'a'])}\u0000${r.pick(['', 'x'])}`);
    return built && { kind: 'NUL character', request: built, alwaysRefused: true };
  }),
  'huge string': withBody((base, random) => {
    const built = withField(base, random, (r) => hugeString(r, 1_000 + r.int(20_000)));
    return built && { kind: 'huge string', request: built, alwaysRefused: false };
  }),
  'oversized body': withBody((base, random) => {
    const payload = json({ ...base.body, padding: hugeString(random, 150_000) });
    return {
      kind: 'oversized body',
      request: request(base, { headers: JSON_HEADERS, payload }),
      alwaysRefused: false,
    };
  }),
  'deep nesting': withBody((base, random) => {
    const nested = deeplyNested(100 + random.int(4_000), random.pick(['array', 'object']));
    const built = random.int(2) === 0 ? withField(base, random, () => nested) : undefined;
    const payload = json({ ...base.body, nested });
    return {
      kind: 'deep nesting',
      request: built ?? request(base, { headers: JSON_HEADERS, payload }),
      alwaysRefused: false,
    };
  }),
  'prototype keys': withBody((base, random) => {
    const key = random.pick(['__proto__', 'constructor', 'prototype']);
    const value = random.pick([
      '{"polluted":true,"role":"PLATFORM_ADMIN"}',
      '{"prototype":{"polluted":true}}',
      'null',
      '1',
    ]);
    const rest = JSON.stringify(base.body).slice(1);
    const text = `{"${key}":${value}${rest === '}' ? '' : ','}${rest}`;
    return {
      kind: 'prototype keys',
      request: request(base, { headers: JSON_HEADERS, payload: Buffer.from(text) }),
      alwaysRefused: false,
    };
  }),
  'unknown field': withBody((base, random) => {
    const key = random.pick([
      ...HOSTILE_STRINGS.filter(Boolean),
      'tenantId',
      'id',
      'role',
      'status',
      '$where',
    ]);
    const payload = json({ ...base.body, [key]: random.pick([...WRONG_TYPES, 'x']) });
    return {
      kind: 'unknown field',
      request: request(base, { headers: JSON_HEADERS, payload }),
      alwaysRefused: false,
    };
  }),
  'bad query': (base, random) => {
    const fields = fieldsOfSchema(base.route.definition?.contract.query);
    if (fields.length === 0) return undefined;
    const key = random.pick([...fields, 'cursor', 'limit', '__proto__', "' OR 1=1 --"]);
    const value = random.pick<string>([...BAD_CURSORS, ...BAD_LIMITS, ...HOSTILE_STRINGS]);
    const query = { ...base.query, [key]: value };
    const payload = base.body ? json(base.body) : undefined;
    return {
      kind: 'bad query',
      request: request(base, { query, headers: payload ? JSON_HEADERS : {}, payload }),
      alwaysRefused: false,
    };
  },
  'bad id': withParams((base, random) => {
    const payload = base.body ? json(base.body) : undefined;
    const target = pathWith(base, random, encodeURIComponent(random.pick(BAD_IDS)));
    return {
      kind: 'bad id',
      request: request(base, { target, headers: payload ? JSON_HEADERS : {}, payload }),
      alwaysRefused: true,
    };
  }),
  'broken path escape': withParams((base, random) => {
    const payload = base.body ? json(base.body) : undefined;
    const target = pathWith(base, random, random.pick(RAW_BAD_SEGMENTS));
    return {
      kind: 'broken path escape',
      request: request(base, { target, headers: payload ? JSON_HEADERS : {}, payload }),
      alwaysRefused: true,
    };
  }),
  'unknown id': withParams((base, random) => {
    const payload = base.body ? json(base.body) : undefined;
    const target = pathWith(base, random, random.uuid());
    return {
      kind: 'unknown id',
      request: request(base, { target, headers: payload ? JSON_HEADERS : {}, payload }),
      alwaysRefused: true,
    };
  }),
};

/**
 * An endless source of malformed requests over the given write routes, round-robin, each with a
 * mutation picked at random among those that apply to the route.
 */
export function malformedRequests(options: {
  routes: readonly DeclaredRoute[];
  ids: Record<ResourceKind, string>;
  authorization: (route: DeclaredRoute) => string;
  random: Random;
}): () => FuzzCase {
  const { random } = options;
  const bases: Base[] = options.routes.map((route) => {
    const [path = ''] = concretePath(route, options.ids).split('?');
    return {
      route,
      path,
      query: route.sample?.query ?? {},
      body: sampleBody(route, options.ids),
      authorization: options.authorization(route),
    };
  });
  const mutations = Object.values(MUTATIONS);
  let next = 0;
  return () => {
    const base = bases[next % bases.length] as Base;
    next += 1;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const generated = random.pick(mutations)(base, random);
      if (generated) return { route: base.route, ...generated };
    }
    throw new Error(`no malformation applies to ${base.route.method} ${base.route.path}`);
  };
}

/** Bad cursors, limits and filters for a list route: reads, so they are sent whatever the contract says. */
export function malformedListQueries(options: {
  routes: readonly DeclaredRoute[];
  ids: Record<ResourceKind, string>;
  authorization: (route: DeclaredRoute) => string;
  random: Random;
}): () => FuzzCase {
  const { random } = options;
  const lists = options.routes.filter((route) => route.definition?.contract.query);
  let next = 0;
  return () => {
    const route = lists[next % lists.length] as DeclaredRoute;
    next += 1;
    const [path = ''] = concretePath(route, options.ids).split('?');
    const key = random.pick([
      'cursor',
      'cursor',
      'limit',
      ...fieldsOfSchema(route.definition?.contract.query),
    ]);
    const value = random.pick<string>(
      key === 'limit' ? BAD_LIMITS : key === 'cursor' ? BAD_CURSORS : HOSTILE_STRINGS,
    );
    const query = new URLSearchParams({ ...route.sample?.query, [key]: value });
    return {
      route,
      kind: `bad ${key}`,
      request: {
        method: 'GET',
        target: `${path}?${query}`,
        headers: { authorization: options.authorization(route) },
      },
      alwaysRefused: false,
    };
  };
}
