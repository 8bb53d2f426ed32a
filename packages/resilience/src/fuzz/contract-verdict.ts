import querystring from 'node:querystring';
import type { DeclaredRoute } from '../stack/routes.ts';

/** A request exactly as it goes on the wire. */
export interface RawRequest {
  method: string;
  /** Path and query string, percent-encoded as sent. */
  target: string;
  headers: Record<string, string>;
  payload?: Buffer;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * The body the API validates, by the rules of its JSON body parser: refused when it is not JSON
 * (another content type, bad JSON, a primitive, a charset or encoding it does not take), `{}`
 * when there is none.
 */
function bodyAsParsed(request: RawRequest): { refused: true } | { refused: false; value: unknown } {
  const type = request.headers['content-type'];
  if (!request.payload || request.payload.length === 0) return { refused: false, value: {} };
  if (!type || !JSON_TYPE.test(type)) return { refused: true };
  const charset = /charset=([^;]+)/i.exec(type)?.[1]?.trim().toLowerCase();
  const encoding = request.headers['content-encoding'];
  if ((charset && charset !== 'utf-8' && charset !== 'utf8') || (encoding && encoding !== 'identity')) {
    return { refused: true };
  }
  const text = new TextDecoder().decode(request.payload);
  if (!/^\s*[[{]/.test(text)) return { refused: true };
  try {
    return { refused: false, value: JSON.parse(text) };
  } catch {
    return { refused: true };
  }
}

/** The `:params` as Express decodes them; undefined when the path does not match or cannot be decoded. */
function paramsAsParsed(route: DeclaredRoute, path: string): Record<string, string> | undefined {
  const pattern = route.path.split('/');
  const actual = path.split('/');
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    if (!part.startsWith(':')) continue;
    try {
      params[part.slice(1)] = decodeURIComponent(actual[index] as string);
    } catch {
      return undefined;
    }
  }
  return params;
}

/**
 * Whether the API's own contract for the route refuses the request: its parser, or the zod
 * schema of its params, query or body. Such a request must be answered 4xx and change nothing.
 */
export function contractRefuses(route: DeclaredRoute, request: RawRequest): boolean {
  const contract = route.definition?.contract;
  if (!contract) return false;
  const [path = '', query = ''] = request.target.split(/\?(.*)/s);
  const params = paramsAsParsed(route, path);
  if (!params) return true;
  if (contract.params && !contract.params.safeParse(params).success) return true;
  if (contract.query && !contract.query.safeParse({ ...querystring.parse(query) }).success) return true;
  if (!contract.body) return false;
  const body = bodyAsParsed(request);
  return body.refused || !contract.body.safeParse(body.value ?? {}).success;
}
