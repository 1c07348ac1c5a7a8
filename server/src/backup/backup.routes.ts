import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { contextOf } from '../platform/http/request-context.ts';
import { backUpWorkspace } from './backup.service.ts';

/**
 * The owner downloads a backup of their workspace from the running server; on PGlite this is the way
 * to back up without stopping Baken, since only one process may open the data folder.
 */
export async function backupRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/workspace/backup',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Download a backup of this workspace (owners); restore it with `baken restore <file>`',
        produces: ['application/gzip'],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const dir = await mkdtemp(join(tmpdir(), 'baken-download-'));
      const file = join(dir, 'workspace.baken.gz');
      try {
        await backUpWorkspace(ctx, file);
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      const stream = createReadStream(file);
      stream.once('close', () => void rm(dir, { recursive: true, force: true }));
      const day = ctx.now().toISOString().slice(0, 10);
      return reply
        .type('application/gzip')
        .header(
          'content-disposition',
          `attachment; filename="baken-${ctx.actor.workspaceId}-${day}.ndjson.gz"`,
        )
        .send(stream);
    },
  );
}
