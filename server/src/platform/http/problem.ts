import { InputError } from '@baken/core/shared/input-error';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, statusOfKind, titleOfKind } from '../errors.ts';
import { appErrorOfDatabaseError } from './database-errors.ts';

/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
}

interface ZodIssueLike {
  instancePath: string;
  keyword: string;
  message: string;
  params: { keys?: string[] };
}

function fieldOf(path: string): string {
  return path.replace(/^\//, '').replaceAll('/', '.');
}

function validationFieldErrors(issues: ZodIssueLike[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = fieldOf(issue.instancePath);
    if (issue.keyword === 'unrecognized_keys' && issue.params.keys) {
      return issue.params.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        message: 'Unknown field: remove it or check its spelling.',
      }));
    }
    return [{ field: base || '(body)', message: issue.message }];
  });
}

function appErrorOf(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof InputError)
    return new AppError('invalid', error.message, [{ field: error.field, message: error.message }]);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = validationFieldErrors(error.validation as unknown as ZodIssueLike[]);
    const where = (error as { validationContext?: string }).validationContext ?? 'request';
    return new AppError(
      'invalid',
      `The ${where} has ${fields.length === 1 ? 'an error' : `${fields.length} errors`}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
      fields,
    );
  }
  const databaseError = appErrorOfDatabaseError(error);
  if (databaseError) return databaseError;
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', 'The request body is empty: send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('bad_request', `The request body is not valid JSON: ${fastifyError.message}`);
    case 'FST_ERR_BAD_URL':
      return new AppError('bad_request', 'The path has a malformed %-escape.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('bad_request', 'A part of the path is too long to be an id.');
  }
  if (fastifyError.statusCode === 429)
    return new AppError('rate_limited', 'Too many requests: wait a minute and try again.');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('bad_request', fastifyError.message);
  }
  return new AppError('internal', 'Something went wrong on our side. It has been logged; try again.');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const status = statusOfKind[error.kind];
  const problem: Problem = {
    type: `urn:baken:problem:${error.kind}`,
    title: titleOfKind[error.kind],
    status,
    detail: error.detail,
    instance: request.url.split('?')[0] ?? request.url,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  };
  return reply.status(status).type('application/problem+json').send(problem);
}

/**
 * The router's own errors (a path part over maxParamLength, a malformed %-escape) never reach the error
 * handler; passed to Fastify as `frameworkErrors`, they become problem+json like every other error.
 */
export function sendFrameworkProblem(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  sendProblem(reply, request, appErrorOf(error));
}

type PageFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

/** Errors become problem+json; unknown routes too, unless `pages` answers them (the web app). */
export function registerProblemHandlers(app: FastifyInstance, pages: PageFallback | null = null): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = appErrorOf(error);
    if (appError.kind === 'internal') request.log.error({ err: error }, 'unhandled error');
    if (appError.kind === 'rate_limited') {
      const retry = reply.getHeader('retry-after');
      if (retry !== undefined) reply.header('retry-after', retry);
    }
    return sendProblem(reply, request, appError);
  });
  app.setNotFoundHandler(
    (request, reply) =>
      pages?.(request, reply) ??
      sendProblem(
        reply,
        request,
        new AppError('not_found', `There is no ${request.method} ${request.url.split('?')[0]}.`),
      ),
  );
}
