// Net Promoter Score over answers to "how likely are you to recommend us", 0-10.

/**
 * % promoters (9-10) − % detractors (0-6), from −100 to 100, rounded to a whole number with halves
 * away from zero (12.5 -> 13, −12.5 -> −13) so that the sign does not change how it rounds. Passives
 * (7-8) count only in the number of answers. Null with no answers.
 */
export function nps(scores: number[]): number | null {
  if (scores.length === 0) return null;
  if (scores.some((score) => !Number.isInteger(score) || score < 0 || score > 10))
    throw new RangeError('An NPS answer is a whole number from 0 to 10');
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  const net = (100 * (promoters - detractors)) / scores.length;
  return Math.sign(net) * Math.round(Math.abs(net));
}
