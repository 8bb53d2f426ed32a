/**
 * Builds a value that satisfies a JSON schema (the subset structured outputs use: object, array,
 * string, number, integer, boolean, null, enum, const, anyOf, $ref), taking each value from `source`
 * where it fits and inventing a plain one where it does not. This is what keeps the offline model's
 * answers valid for any schema while reading sensibly for the ones it knows.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
};

export function fillSchema(
  schema: JsonSchema,
  source: unknown,
  root: JsonSchema = schema,
  name = 'value',
): unknown {
  const resolved = resolveRef(schema, root);
  if ('const' in resolved) return resolved.const;
  if (resolved.enum) return resolved.enum.includes(source) ? source : resolved.enum[0];
  const branches = resolved.anyOf ?? resolved.oneOf;
  if (branches) return fillUnion(branches, source, root, name);

  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type ?? 'object'];
  if (source === null && types.includes('null')) return null;
  const type = types.find((candidate) => candidate !== 'null') ?? 'null';
  switch (type) {
    case 'object':
      return fillObject(resolved, source, root);
    case 'array':
      return fillArray(resolved, source, root, name);
    case 'string':
      return fillString(resolved, source, name);
    case 'integer':
    case 'number':
      return fillNumber(resolved, source, type === 'integer');
    case 'boolean':
      return typeof source === 'boolean' ? source : false;
    default:
      return null;
  }
}

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  if (schema.$ref === '#') return root;
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(schema.$ref);
  const target = match
    ? root[match[1] as '$defs' | 'definitions']?.[decodeURIComponent(match[2] ?? '')]
    : undefined;
  if (!target) throw new Error(`Unresolvable $ref ${schema.$ref}`);
  return resolveRef(target, root);
}

function fillUnion(branches: JsonSchema[], source: unknown, root: JsonSchema, name: string): unknown {
  const fitting = branches.find((branch) => fits(resolveRef(branch, root), source));
  const branch =
    fitting ?? branches.find((candidate) => resolveRef(candidate, root).type !== 'null') ?? branches[0];
  return branch ? fillSchema(branch, source, root, name) : null;
}

function fits(schema: JsonSchema, value: unknown): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (value === null || value === undefined) return types.includes('null');
  if (Array.isArray(value)) return types.includes('array');
  if (typeof value === 'object') return types.includes('object') || (!schema.type && !!schema.properties);
  if (typeof value === 'number')
    return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  return types.includes(typeof value);
}

function fillObject(schema: JsonSchema, source: unknown, root: JsonSchema): Record<string, unknown> {
  const record = isRecord(source) ? source : {};
  const result: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    result[key] = fillSchema(property, record[key], root, key);
  }
  return result;
}

function fillArray(schema: JsonSchema, source: unknown, root: JsonSchema, name: string): unknown[] {
  const items = Array.isArray(source) ? source : [];
  const max = schema.maxItems ?? Number.POSITIVE_INFINITY;
  const min = schema.minItems ?? 0;
  const values = items.slice(0, max);
  while (values.length < min) values.push(undefined);
  return values.map((item) => fillSchema(schema.items ?? {}, item, root, name));
}

function fillString(schema: JsonSchema, source: unknown, name: string): string {
  let text =
    typeof source === 'string' ? source : typeof source === 'number' ? String(source) : `Offline ${name}`;
  if (schema.maxLength !== undefined && text.length > schema.maxLength)
    text = text.slice(0, schema.maxLength);
  if (schema.minLength !== undefined && text.length < schema.minLength)
    text = text.padEnd(schema.minLength, '.');
  return text;
}

function fillNumber(schema: JsonSchema, source: unknown, integer: boolean): number {
  let value = typeof source === 'number' && Number.isFinite(source) ? source : (schema.minimum ?? 0);
  if (schema.minimum !== undefined) value = Math.max(value, schema.minimum);
  if (schema.maximum !== undefined) value = Math.min(value, schema.maximum);
  return integer ? Math.round(value) : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
