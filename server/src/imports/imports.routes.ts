import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  importResponse,
  importUndoInput,
  importUndoResponse,
  importUpdateInput,
  importUploadQuery,
} from '@baken/core/imports/import.schema';
import { idParams } from '@baken/core/records/record.schema';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { contextOf } from '../platform/http/request-context.ts';
import {
  changeImport,
  checkImport,
  errorReport,
  importOf,
  imports,
  startImport,
  undoImport,
  uploadImport,
} from './imports.service.ts';

const tags = ['imports'];

export async function importRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: app.ctx.config.importMaxBytes, files: 1, fields: 5, parts: 6 },
  });
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/imports',
    {
      schema: {
        tags,
        summary:
          'Upload a CSV or XLSX file (multipart, field "file") to import contacts or accounts; answers the columns with a suggested mapping',
        consumes: ['multipart/form-data'],
        querystring: importUploadQuery,
        response: { 201: importResponse },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) {
        throw new AppError(
          'unsupported_media_type',
          'Send the file as multipart/form-data in a field named file.',
        );
      }
      let part: Awaited<ReturnType<typeof request.file>>;
      try {
        part = await request.file();
      } catch (error) {
        throw new AppError('bad_request', `The upload could not be read: ${(error as Error).message}`);
      }
      if (!part)
        throw new AppError('invalid', 'No file was sent.', [{ field: 'file', message: 'Choose a file.' }]);
      const dir = await mkdtemp(join(tmpdir(), 'baken-upload-'));
      try {
        const path = join(dir, 'upload');
        try {
          await pipeline(part.file, createWriteStream(path));
        } catch (error) {
          throw new AppError('bad_request', `The upload was cut off: ${(error as Error).message}`);
        }
        if (part.file.truncated) {
          throw new AppError(
            'payload_too_large',
            `The file is larger than ${app.ctx.config.importMaxBytes / 1024 / 1024} MB.`,
          );
        }
        const size = part.file.bytesRead;
        const created = await uploadImport(ctx, request.query.recordType, {
          fileName: part.filename || 'import',
          path,
          size,
        });
        return reply.status(201).send(created);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
  api.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'The latest 50 imports of this workspace',
        response: { 200: z.object({ data: z.array(importResponse) }) },
      },
    },
    async (request) => imports(contextOf(request)),
  );
  api.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'One import: mapping, options, progress, counts, dry-run result',
        params: idParams,
        response: { 200: importResponse },
      },
    },
    async (request) => importOf(contextOf(request), request.params.id),
  );
  api.patch(
    '/imports/:id',
    {
      schema: {
        tags,
        summary:
          'Change the mapping (one field key or null per column) or the options of an import not yet started',
        params: idParams,
        body: importUpdateInput,
        response: { 200: importResponse },
      },
    },
    async (request) => changeImport(contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/imports/:id/check',
    {
      schema: {
        tags,
        summary: 'Dry run in the background: every row checked as the import would, nothing written',
        params: idParams,
        response: { 202: importResponse },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await checkImport(contextOf(request), request.params.id)),
  );
  api.post(
    '/imports/:id/start',
    {
      schema: {
        tags,
        summary: 'Run the import in the background',
        params: idParams,
        response: { 202: importResponse },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await startImport(contextOf(request), request.params.id)),
  );
  api.get(
    '/imports/:id/errors',
    {
      schema: {
        tags,
        summary: 'The error report: failed rows with their reason, as CSV',
        params: idParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const report = await errorReport(contextOf(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${report.fileName.replace(/["\\\r\n]/g, '_')}"`)
        .send(Readable.from(report.lines));
    },
  );
  api.post(
    '/imports/:id/undo',
    {
      schema: {
        tags,
        summary:
          'Undo a finished import: delete what it created, restore what it changed (409 if changed since, unless force)',
        params: idParams,
        body: importUndoInput,
        response: { 200: importUndoResponse },
      },
    },
    async (request) => undoImport(contextOf(request), request.params.id, request.body.force ?? false),
  );
}
