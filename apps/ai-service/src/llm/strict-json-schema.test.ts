import { PostIdeaBatch, ReelIdeaBatch } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toStrictJsonSchema } from './strict-json-schema.ts';

type Node = Record<string, unknown>;

function objectsIn(node: unknown): Node[] {
  if (Array.isArray(node)) return node.flatMap(objectsIn);
  if (typeof node !== 'object' || node === null) return [];
  const children = Object.values(node).flatMap(objectsIn);
  return (node as Node).type === 'object' ? [node as Node, ...children] : children;
}

describe('strict JSON schema', () => {
  it.each([
    ['PostIdeaBatch', PostIdeaBatch],
    ['ReelIdeaBatch', ReelIdeaBatch],
  ])(
    'when %s is converted, then every object is closed and lists every property as required',
    (_name, schema) => {
      const json = toStrictJsonSchema(schema);
      const objects = objectsIn(json);
      expect(objects.length).toBeGreaterThan(1);
      for (const object of objects) {
        expect(object.additionalProperties).toBe(false);
        expect(object.required).toEqual(Object.keys(object.properties as Node));
      }
      expect(JSON.stringify(json)).not.toMatch(/"(minLength|maxLength|maximum|\$schema)"/);
    },
  );

  it('when a reel is converted, then the beats keep their shape and the platform its enum', () => {
    const json = toStrictJsonSchema(ReelIdeaBatch) as {
      properties: { ideas: { items: { properties: Node } } };
    };
    const idea = json.properties.ideas.items.properties;
    expect(idea.platform).toMatchObject({
      type: 'string',
      enum: ['INSTAGRAM', 'TIKTOK', 'FACEBOOK', 'LINKEDIN', 'X', 'YOUTUBE'],
    });
    expect(idea.beats).toMatchObject({
      type: 'array',
      items: { type: 'object', required: ['startSec', 'shot', 'voiceover', 'onScreenText'] },
    });
  });

  it('when a property is optional, then the conversion refuses it (strict mode needs nullable)', () => {
    expect(() => toStrictJsonSchema(z.strictObject({ a: z.string().optional() }))).toThrow(/"a" is optional/);
    expect(toStrictJsonSchema(z.strictObject({ a: z.string().nullable() }))).toMatchObject({
      properties: { a: { type: ['string', 'null'] } },
      required: ['a'],
    });
  });

  it('when a shape strict mode cannot express is used, then the conversion refuses it', () => {
    expect(() => toStrictJsonSchema(z.strictObject({ tags: z.record(z.string(), z.string()) }))).toThrow();
    expect(() => toStrictJsonSchema(z.strictObject({ pair: z.tuple([z.string(), z.int()]) }))).toThrow(
      /prefixItems/,
    );
  });
});
