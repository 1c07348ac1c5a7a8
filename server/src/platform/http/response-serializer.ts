import fastJson from 'fast-json-stringify';
import { ResponseSerializationError, serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Serializer = (data: unknown) => string;
type SerializerCompiler = (route: { schema: unknown; method: string; url: string }) => Serializer;

const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * zod writes `.nullable()` as `anyOf: [X, {type: 'null'}]`; fast-json-stringify would then check each
 * value against the branches at run time. `type: [X, 'null']` says the same and serialises directly.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) result[key] = simplify(value);
  const branches = result.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const isNull = (branch: Record<string, unknown>) =>
      branch.type === 'null' && Object.keys(branch).length === 1;
    const nullAt = branches.findIndex(isNull);
    const other = branches[1 - nullAt] as Record<string, unknown> | undefined;
    if (nullAt >= 0 && other && typeof other.type === 'string' && SCALARS.has(other.type)) {
      const { anyOf: _anyOf, ...rest } = result;
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
  }
  return result;
}

function zodSchemaOf(schema: unknown): z.ZodType {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  if (properties instanceof z.ZodType) return properties;
  throw new Error(`Not a zod response schema: ${JSON.stringify(schema)}`);
}

const compiled = new WeakMap<z.ZodType, Serializer | null>();

/** fast-json-stringify for a schema JSON Schema can describe; null for one it cannot (a transform). */
function fastSerializer(schema: z.ZodType): Serializer | null {
  if (compiled.has(schema)) return compiled.get(schema) ?? null;
  let serializer: Serializer | null;
  try {
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
    serializer = fastJson(simplify(json) as Parameters<typeof fastJson>[0]);
  } catch {
    serializer = null;
  }
  compiled.set(schema, serializer);
  return serializer;
}

/**
 * Response bodies are written by fast-json-stringify, compiled once per schema from the route's zod
 * response schema, instead of zod parsing every row and JSON.stringify copying it again: on 50-row
 * pages that was most of a request's time. It writes only the schema's fields (so a row can be sent as
 * read, with its workspace id and search column left out) and Dates as ISO strings. It does not check
 * values; with `checkResponses` (tests) the JSON sent is parsed back and checked against the zod
 * schema, so a route that drifts from its schema still fails there. Schemas JSON Schema cannot express
 * (transforms) keep zod's serializer.
 */
export function responseSerializerCompiler(options: { checkResponses: boolean }): SerializerCompiler {
  return (route) => {
    const schema = zodSchemaOf(route.schema);
    const serialize = fastSerializer(schema);
    if (!serialize) return (zodSerializer as unknown as SerializerCompiler)(route);
    if (!options.checkResponses) return serialize;
    return (data) => {
      const json = serialize(data);
      const result = schema.safeParse(JSON.parse(json));
      if (!result.success) {
        throw new ResponseSerializationError(route.method, route.url, { cause: result.error });
      }
      return json;
    };
  };
}
