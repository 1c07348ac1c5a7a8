import { ApiError } from '../app/api.ts';

/** Field messages of an API error for a Mantine form: `{ email: 'Enter a valid…' }`. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    (error.problem.errors ?? []).map((fieldError) => [fieldError.field, fieldError.message]),
  );
}

/** A sentence for a notification or an alert. */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.problem.detail : fallback;
}
