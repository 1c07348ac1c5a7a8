import type { RateLimitOptions } from '@fastify/rate-limit';

/**
 * Per-route rate limit of an endpoint that anyone can call. Keyed by client IP and counted before
 * anything else runs; with `keyOf`, counted after the body is parsed and keyed by IP plus what
 * `keyOf` picks (the email at login), so that one guessed account cannot be hammered.
 */
export function publicLimit(
  max: number,
  keyOf?: (body: unknown) => string | undefined,
): { rateLimit: RateLimitOptions } {
  if (!keyOf) return { rateLimit: { max, timeWindow: '1 minute' } };
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      hook: 'preHandler',
      keyGenerator: (request) => `${request.ip}|${keyOf(request.body) ?? ''}`,
    },
  };
}

/**
 * Per-user rate limit of a signed-in endpoint that costs more than a database call (a visit to an
 * outside site): counted once the caller is known, keyed by user, so one user cannot run it in a loop.
 */
export function perUserLimit(max: number): { rateLimit: RateLimitOptions } {
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      hook: 'preHandler',
      keyGenerator: (request) => `user|${request.actor?.userId ?? request.ip}`,
    },
  };
}
