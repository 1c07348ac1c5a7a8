import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function sameHash(secret: string, expected: Buffer): boolean {
  const actual = hashSecret(secret);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** argon2id (the library's default algorithm) with its default, OWASP-level cost. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the user does not exist keeps the response time the same,
// so login timing does not reveal which emails have an account.
let decoyHash: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword(randomSecret());
  await verifyPassword(await decoyHash, password);
  return false;
}

const compact = (id: string) => id.replaceAll('-', '');
const expand = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/**
 * Credentials carry the workspace and the row id they belong to, so that the lookup is a primary-key
 * read scoped to one workspace: `<prefix>_<workspace>_<id>_<secret>`.
 */
export function formatCredential(prefix: string, workspaceId: string, id: string, secret: string): string {
  return `${prefix}_${compact(workspaceId)}_${compact(id)}_${secret}`;
}

export function parseCredential(
  prefix: string,
  value: string,
): { workspaceId: string; id: string; secret: string } | null {
  const match = new RegExp(`^${prefix}_([0-9a-f]{32})_([0-9a-f]{32})_([A-Za-z0-9_-]{20,100})$`).exec(value);
  if (!match) return null;
  return { workspaceId: expand(match[1]!), id: expand(match[2]!), secret: match[3]! };
}
