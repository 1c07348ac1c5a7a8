import type { FieldProblem } from '@baken/core/validation/record-checks';
import { AppError } from '../errors.ts';

/**
 * Refuses a write whose values a service-side check found wrong: 422 with every field's message,
 * worded like the answer to a body the request schema refuses.
 */
export function assertNoFieldProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const list = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  throw new AppError(
    'invalid',
    problems.length === 1
      ? `The body has an error: ${list}`
      : `The body has ${problems.length} errors: ${list}`,
    problems,
  );
}
