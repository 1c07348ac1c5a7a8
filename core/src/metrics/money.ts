// Money is whole cents; a result with a fraction of a cent is rounded once, at the end.

/**
 * Rounds to whole cents, halves away from zero (2.5 -> 3, -2.5 -> -3), as PostgreSQL's round()
 * does on numeric. Dividing an exact integer by another gives exactly k.5 when that is the true
 * quotient, so halves are never lost to binary fractions. Adding 0 turns −0 into 0.
 */
export function roundCents(amount: number): number {
  return Math.sign(amount) * Math.round(Math.abs(amount)) + 0;
}
