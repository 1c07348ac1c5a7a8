export type ErrorKind =
  | 'invalid'
  | 'bad_request'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal';

export interface FieldError {
  /** JSON pointer-like path of the input that is wrong, e.g. `email` or `stages.2.name`. */
  field: string;
  message: string;
}

/** The one error type of the server: a kind (mapped to a status in one table), a detail, field errors. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly detail: string,
    readonly fields: FieldError[] = [],
    /** Already in the language the request asked for (request validation); others are translated on the way out. */
    readonly localized = false,
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const statusOfKind: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  rate_limited: 429,
  internal: 500,
};

export const titleOfKind: Record<ErrorKind, string> = {
  bad_request: 'Bad request',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Request too large',
  unsupported_media_type: 'Unsupported media type',
  invalid: 'Invalid input',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
};

export function invalidField(field: string, message: string): AppError {
  return new AppError('invalid', `${field}: ${message}`, [{ field, message }]);
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found.`);
}
