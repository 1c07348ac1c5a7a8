import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

// PostgreSQL text cannot hold NUL (a 500 before this check), and UTF-8 cannot hold half of a surrogate
// pair (the driver silently stored U+FFFD instead); both are only ever typing accidents or attacks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Path (`custom.note`, `stages.0.name`) of the first string or key that text cannot store, or null. */
export function unstorableTextPath(value: unknown): string | null {
  // A stack, not recursion: a 1 MiB body can nest deeper than the call stack goes.
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item)) return path;
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        const childPath = path ? `${path}.${key}` : key;
        if (UNSTORABLE.test(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

/** preValidation hook: refuses such text in the body, query or path with a 422 naming the field. */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  for (const [where, value] of [
    ['body', request.body],
    ['query', request.query],
    ['path', request.params],
  ] as const) {
    const path = unstorableTextPath(value);
    if (path === null) continue;
    const field = path || `(${where})`;
    const message = 'Remove the NUL character or broken Unicode character: it cannot be stored.';
    throw new AppError('invalid', `${field}: ${message}`, [{ field, message }]);
  }
}
