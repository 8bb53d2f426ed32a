import { z } from 'zod';

type JsonNode = Record<string, unknown>;

/** Keywords every strict structured-output implementation understands. */
const KEPT = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'description',
  '$ref',
  '$defs',
]);
/** Constraints some implementations reject in strict mode; zod checks them again on the answer. */
const DROPPED = new Set([
  '$schema',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
]);

/**
 * The JSON schema for `response_format: { type: 'json_schema', strict: true }`, derived from a zod
 * schema. Throws when the schema cannot be strict: an optional property (use .nullable()), an open
 * object, or a keyword that changes the shape (tuples, records, intersections).
 */
export function toStrictJsonSchema(schema: z.ZodType): JsonNode {
  return strictNode(
    z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw' }),
    '#',
  );
}

function strictNode(node: JsonNode, path: string): JsonNode {
  const result: JsonNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    if (!KEPT.has(key)) throw new Error(`${path}: "${key}" is not supported by strict structured output`);
    result[key] = strictValue(key, value, path);
  }
  if (result.type === 'object' || result.properties) {
    const properties = Object.keys((result.properties as JsonNode | undefined) ?? {});
    const required = new Set((result.required as string[] | undefined) ?? []);
    const optional = properties.find((property) => !required.has(property));
    if (optional)
      throw new Error(
        `${path}: "${optional}" is optional; strict output needs it required (nullable instead)`,
      );
    if (result.additionalProperties !== false)
      throw new Error(`${path}: objects must not allow additional properties`);
  }
  return result;
}

function strictValue(key: string, value: unknown, path: string): unknown {
  switch (key) {
    case 'properties':
    case '$defs':
      return Object.fromEntries(
        Object.entries(value as Record<string, JsonNode>).map(([name, child]) => [
          name,
          strictNode(child, `${path}/${key}/${name}`),
        ]),
      );
    case 'items':
      return strictNode(value as JsonNode, `${path}/items`);
    case 'anyOf':
      return (value as JsonNode[]).map((child, index) => strictNode(child, `${path}/anyOf/${index}`));
    default:
      return value;
  }
}
