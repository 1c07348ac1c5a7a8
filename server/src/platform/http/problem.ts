import { InputError } from '@baken/core/shared/input-error';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, statusOfKind, titleOfKind } from '../errors.ts';
import { type Language, languageOf, translate, translateIssue } from '../i18n/translate.ts';
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
  params: { keys?: string[] } & Record<string, unknown>;
}

function fieldOf(path: string): string {
  return path.replace(/^\//, '').replaceAll('/', '.');
}

function validationFieldErrors(issues: ZodIssueLike[], language: Language): FieldError[] {
  return issues.flatMap((issue) => {
    const base = fieldOf(issue.instancePath);
    if (issue.keyword === 'unrecognized_keys' && issue.params.keys) {
      return issue.params.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        message: translate('Unknown field: remove it or check its spelling.', language),
      }));
    }
    const message = translateIssue(
      { ...issue.params, code: issue.keyword, message: issue.message },
      language,
    );
    return [{ field: base || '(body)', message }];
  });
}

/** "The body has 2 errors: …", said in the language asked for; the field messages are translated already. */
function validationDetail(where: string, fields: FieldError[], language: Language): string {
  const list = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  const english =
    fields.length === 1
      ? `The ${where} has an error: {list}`
      : `The ${where} has ${fields.length} errors: {list}`;
  return translate(english, language).replace('{list}', list);
}

function appErrorOf(error: unknown, language: Language): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof InputError)
    return new AppError('invalid', error.message, [{ field: error.field, message: error.message }]);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = validationFieldErrors(error.validation as unknown as ZodIssueLike[], language);
    const where = (error as { validationContext?: string }).validationContext ?? 'request';
    return new AppError('invalid', validationDetail(where, fields, language), fields, true);
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

/** The detail and field messages of an error in the language asked for. */
function localized(error: AppError, language: Language): Pick<Problem, 'detail' | 'errors'> {
  if (error.localized || language === 'en')
    return { detail: error.detail, ...(error.fields.length > 0 ? { errors: error.fields } : {}) };
  const fields = error.fields.map((field) => ({ ...field, message: translate(field.message, language) }));
  // A summary of the field errors ("The body has 2 errors: …") is said again from the translated ones.
  const summary = /^The (\w+) has (?:an error|\d+ errors): /.exec(error.detail);
  if (summary && fields.length > 0)
    return { detail: validationDetail(summary[1] ?? 'request', fields, language), errors: fields };
  const [only] = error.fields;
  // invalidField and InputError say "field: message" or the message alone; keep that shape.
  const detail =
    only && fields.length === 1 && error.detail === only.message
      ? (fields[0]?.message ?? error.detail)
      : only && fields.length === 1 && error.detail === `${only.field}: ${only.message}`
        ? `${only.field}: ${fields[0]?.message ?? only.message}`
        : translate(error.detail, language);
  return { detail, ...(fields.length > 0 ? { errors: fields } : {}) };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const status = statusOfKind[error.kind];
  const language = languageOf(request.headers['accept-language']);
  const problem: Problem = {
    type: `urn:baken:problem:${error.kind}`,
    title: translate(titleOfKind[error.kind], language),
    status,
    ...localized(error, language),
    instance: request.url.split('?')[0] ?? request.url,
  };
  return reply
    .status(status)
    .header('content-language', language)
    .header('vary', 'accept-language')
    .type('application/problem+json')
    .send(problem);
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
  sendProblem(reply, request, appErrorOf(error, languageOf(request.headers['accept-language'])));
}

type PageFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

/** Errors become problem+json; unknown routes too, unless `pages` answers them (the web app). */
export function registerProblemHandlers(app: FastifyInstance, pages: PageFallback | null = null): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = appErrorOf(error, languageOf(request.headers['accept-language']));
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
