import { describe, expect, it } from 'vitest';
import { fillSchema, type JsonSchema } from './schema-filler.ts';

describe('schema filler', () => {
  it('when the source fits the schema, then its values are kept and unknown fields dropped', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { title: { type: 'string' }, count: { type: 'integer', minimum: 1, maximum: 10 } },
    };
    expect(fillSchema(schema, { title: 'Hello', count: 42, extra: true })).toEqual({
      title: 'Hello',
      count: 10,
    });
  });

  it('when the source lacks values, then plain ones are invented for every type', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 12 },
        flag: { type: 'boolean' },
        kind: { type: 'string', enum: ['A', 'B'] },
        note: { type: ['string', 'null'] },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
      },
    };
    expect(fillSchema(schema, { kind: 'Z', note: null })).toEqual({
      name: 'Offline name',
      flag: false,
      kind: 'A',
      note: null,
      tags: ['Offline tags', 'Offline tags'],
    });
  });

  it('when the schema uses $defs, $ref and anyOf, then they are followed', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        beat: { $ref: '#/$defs/Beat' },
        maybe: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
      },
      $defs: { Beat: { type: 'object', properties: { startSec: { type: 'integer' } } } },
    };
    expect(fillSchema(schema, { beat: { startSec: 3 }, maybe: 7 })).toEqual({
      beat: { startSec: 3 },
      maybe: 7,
    });
    expect(fillSchema(schema, {})).toEqual({ beat: { startSec: 0 }, maybe: null });
    expect(() => fillSchema({ $ref: '#/$defs/Missing' }, {})).toThrow(/Unresolvable/);
  });

  it('when an array has maxItems, then extra source items are cut', () => {
    expect(fillSchema({ type: 'array', items: { type: 'integer' }, maxItems: 2 }, [1, 2, 3])).toEqual([1, 2]);
  });
});
