import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentSchemaVersion } from '../platform/db/migrate.ts';

const healthResponse = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgresql']),
  schemaVersion: z.number().int(),
});

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Is the server up, on which engine and schema version',
        response: { 200: healthResponse },
      },
    },
    async () => ({
      status: 'ok' as const,
      engine: app.ctx.engine,
      schemaVersion: await currentSchemaVersion(app.ctx.db),
    }),
  );
}
