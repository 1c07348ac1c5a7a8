/** Per-route rate limits of the endpoints that anyone can call (login, setup, invitations). */
export function publicLimit(max: number, keyOf?: (body: unknown) => string | undefined) {
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      // After the body is parsed, so that a key can include the email that is being tried.
      hook: 'preHandler' as const,
      ...(keyOf
        ? {
            keyGenerator: (request: { ip: string; body: unknown }) => `${request.ip}|${keyOf(request.body) ?? ''}`,
          }
        : {}),
    },
  };
}
