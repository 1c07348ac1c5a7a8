// The typed client of Baken's REST API: JSON in and out, problem+json errors as ApiError, and the
// CSRF token from /auth/me on every write (the session cookie itself is HttpOnly).
import { takeFirstResponse } from './first-requests.ts';
import { currentLanguage } from './i18n.ts';
import { type Query, withQuery } from './query-string.ts';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message for one input field, to show next to it in a form. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The headers of a write that cannot go through api(), such as a multipart upload: language and CSRF token. */
export function writeHeaders(): Record<string, string> {
  return { 'accept-language': currentLanguage(), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  // The server answers its messages (validation, errors) in the language the user chose.
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await ((method === 'GET' && takeFirstResponse(path)) ||
    fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const problem = (json as Problem | null) ?? {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      detail: response.statusText,
    };
    throw new ApiError(problem);
  }
  return json as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = (path: string) => api<void>('DELETE', path);

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
