import fc from 'fast-check';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Response, TestApp } from './harness.ts';

/** Strings that have broken other systems: injections, templates, odd Unicode, NUL, numbers as text. */
export const hostileStrings = [
  "'; drop table contacts; --",
  "' or '1'='1",
  "Robert'); DROP TABLE accounts;--",
  '" or ""="',
  '1; select pg_sleep(5)',
  '$$; select 1; $$',
  "E'\\x00'",
  '\\',
  '%',
  '_',
  '%_%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection payload, on purpose.
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '<%= 7*7 %>',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202etxt.exe',
  '\ufeff',
  'Ǆemo ﬁ ß İ',
  'Ａｃｍｅ',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍A̴̵̜̰͔ͫ͗͢L̠ͨͧͩ͘G̴̻͈͍͔̹̑͗̎̅͛́Ǫ̵̹̻̝̳͂̌̌͘',
  '\r\n\t\v\f',
  '   ',
  '',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-0',
  '0x10',
  '9007199254740993',
  '-9223372036854775809',
  '0000-00-00',
  '2026-02-30',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '../../../etc/passwd',
  '%00',
  '%zz',
  '%%',
  'a'.repeat(10_001),
  '€'.repeat(5_000),
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(1e308, -1e308, -0, 0.1, 1.5, -1, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A JSON value nested `depth` levels deep, as text (too deep for naive recursive code). */
export const deeplyNested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** A value of any JSON type that a schema would not expect; `{ raw }` values are spliced in as JSON text. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, [null], { '': '' }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { raw: deeplyNested(5_000) },
      { raw: '{"__proto__":{"polluted":true}}' },
      { raw: '{"constructor":{"prototype":{"polluted":true}}}' },
      { raw: `[${Array.from({ length: 10_000 }, () => '0').join(',')}]` },
      { raw: '1e400' },
      { raw: '-1e400' },
      { raw: '123456789012345678901234567890' },
    ),
  },
);

function isRaw(value: unknown): value is { raw: string } {
  return typeof value === 'object' && value !== null && Object.keys(value).join() === 'raw';
}

/** JSON text of a value whose `{ raw }` parts are written as their raw text (NaN-free, deep, proto keys). */
export function toJsonText(value: unknown): string {
  if (isRaw(value)) return value.raw;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface SchemaHints {
  /** Ids to put in uuid fields: the caller's, another workspace's, random ones. */
  ids: fc.Arbitrary<string>;
  /** Keys to try in open objects (e.g. the custom fields that exist). */
  keys: fc.Arbitrary<string>;
}

const plausibleStrings = [
  'Bakkerij Jansen',
  'acme.nl',
  'jan@acme.nl',
  'https://acme.nl',
  'NL',
  '+31 20 123 4567',
  '12345678',
  'NL123456789B01',
  '2026-05-01',
  '2026-05-01T10:00:00.000Z',
  'Europe/Amsterdam',
  'EUR',
  'nl',
  'a',
];

/** A value that fits `schema` (roughly: the server's own refinements may still refuse it). */
export function valueOfSchema(schema: JsonSchema, hints: SchemaHints, depth = 0): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((variant) => valueOfSchema(variant, hints, depth)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  return fc.oneof(...types.map((type) => valueOfType(type, schema, hints, depth)));
}

function valueOfType(
  type: string,
  schema: JsonSchema,
  hints: SchemaHints,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? -1_000,
        max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31),
      });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(valueOfSchema(schema.items ?? {}, hints, depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.min(schema.maxItems ?? 5, 5),
          });
    case 'object':
      return objectOfSchema(schema, hints, depth);
    default:
      if (schema.format === 'uuid') return hints.ids;
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'date-time')
        return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
      return fc.oneof(
        fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) }),
        // Values that pass the refinements a JSON schema cannot express (email, domain, dates, ...).
        fc.constantFrom(...plausibleStrings),
      );
  }
}

function objectOfSchema(schema: JsonSchema, hints: SchemaHints, depth: number): fc.Arbitrary<unknown> {
  if (depth > 3) return fc.constant({});
  const properties = schema.properties ?? {};
  const required = (schema.required ?? []).filter((key) => key in properties);
  const optional = Object.keys(properties).filter((key) => !required.includes(key));
  // All required fields and a few optional ones: a body with every field set is almost never valid.
  const fields = fc
    .tuple(
      fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, property]) => [
            key,
            valueOfSchema(property, hints, depth + 1),
          ]),
        ),
      ),
      fc.subarray(optional, { maxLength: Math.min(optional.length, 3) }),
    )
    .map(([all, kept]) =>
      Object.fromEntries(Object.entries(all).filter(([key]) => required.includes(key) || kept.includes(key))),
    );
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object') return fields;
  return fc
    .tuple(fields, fc.dictionary(hints.keys, valueOfSchema(extra, hints, depth + 1), { maxKeys: 2 }))
    .map(([known, open]) => ({ ...open, ...known }));
}

/**
 * A body for `schema` with some fields swapped for hostile values, some removed, and sometimes an
 * unknown or prototype-polluting key added: mostly wrong, sometimes right.
 */
export function hostileBodyOfSchema(schema: JsonSchema, hints: SchemaHints): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema.properties ?? {});
  return fc
    .record({
      base: valueOfSchema(schema, hints),
      swaps: fc.oneof(
        fc.constant({}),
        fc.dictionary(keys.length > 0 ? fc.constantFrom(...keys) : fc.string(), hostileValue, {
          minKeys: 1,
          maxKeys: 3,
        }),
      ),
      drop: fc.oneof(fc.constant([]), fc.subarray(keys, { maxLength: Math.min(keys.length, 2) })),
      extra: fc.option(
        fc.constantFrom<[string, unknown]>(
          ['__proto__', { polluted: true }],
          ['constructor', { prototype: { polluted: true } }],
          ['prototype', {}],
          ['workspaceId', '01900000-0000-7000-8000-000000000001'],
          ['id', '01900000-0000-7000-8000-000000000002'],
          ['createdAt', '2000-01-01T00:00:00.000Z'],
          ['', ''],
        ),
        { nil: undefined },
      ),
    })
    .map(({ base, swaps, drop, extra }) => {
      if (typeof base !== 'object' || base === null || Array.isArray(base)) return base;
      const body: Record<string, unknown> = { ...(base as Record<string, unknown>), ...swaps };
      for (const key of drop) delete body[key];
      // defineProperty, not assignment: `body.__proto__ = x` would set the prototype instead of a key.
      if (extra) Object.defineProperty(body, extra[0], { value: extra[1], enumerable: true });
      return body;
    });
}

const tenantTables = [
  'workspaces',
  'users',
  'memberships',
  'sessions',
  'api_tokens',
  'invitations',
  'audit_log',
  'tags',
  'saved_views',
  'custom_field_definitions',
  'accounts',
  'contacts',
  'pipelines',
  'stages',
  'deals',
  'deal_stage_changes',
  'deal_contacts',
  'activities',
  'imports',
  'import_file_chunks',
  'import_records',
  'import_failures',
  'duplicate_pairs',
  'duplicate_scans',
  'merges',
] as const;

/** Row counts of every table that holds workspace data, in one statement. */
export async function tableCounts(test: TestApp): Promise<Record<string, number>> {
  const columns = sql.join(
    tenantTables.map(
      (table, index) => sql`(select count(*) from ${sql.table(table)})::int as ${sql.ref(`n${index}`)}`,
    ),
  );
  const result = await sql<Record<string, number>>`select ${columns}`.execute(test.ctx.db);
  const row = result.rows[0]!;
  return Object.fromEntries(tenantTables.map((table, index) => [table, row[`n${index}`]!]));
}

/** Every table is still there (an injection did not drop or rename one). */
export async function expectTablesIntact(test: TestApp): Promise<void> {
  const counts = await tableCounts(test);
  expect(Object.keys(counts).sort()).toEqual([...tenantTables].sort());
}

/** A 4xx answer is RFC 9457 problem+json whose status matches the response. */
export function expectProblemBody(response: Response, where: string): void {
  expect(response.headers['content-type'], where).toContain('application/problem+json');
  const problem = JSON.parse(response.body) as Record<string, unknown>;
  expect(problem.status, where).toBe(response.statusCode);
  expect(typeof problem.type, where).toBe('string');
  expect(typeof problem.title, where).toBe('string');
  expect(typeof problem.detail, where).toBe('string');
}

/** Short enough to read in a failure message, long enough to reproduce. */
export function describeRequest(request: {
  method: string;
  url: string;
  headers?: Record<string, unknown>;
  payload?: string;
}): string {
  const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([key, value]) => [key, clip(String(value))]),
  );
  return `${request.method} ${clip(request.url)} headers=${JSON.stringify(headers)} body=${clip(request.payload ?? '')}`;
}
