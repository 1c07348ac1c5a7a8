import { Random } from '@baken/core/demo/random';

/**
 * A Random of its own for row `index` of `table`: every row can be rebuilt from (seed, table, index)
 * alone, so an activity can name its contact's account without keeping a million contacts in memory.
 */
export function rowRandom(seed: number, table: number, index: number): Random {
  // murmur3's 32-bit finaliser: neighbouring indexes give unrelated seeds.
  let h = (seed ^ Math.imul(table, 0x9e3779b1) ^ Math.imul(index, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return new Random((h ^ (h >>> 16)) >>> 0);
}

/**
 * A deterministic id that looks like a uuidv7 (version 7, RFC 4122 variant) and sorts by index, as
 * ids created over time do. `table` keeps ids of different tables apart.
 */
export function benchId(table: number, index: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `0190b000-${table.toString(16).padStart(4, '0')}-7000-8000-${hex}`;
}

/**
 * An index in [0, count) skewed towards 0: u² puts a few records (index 0 first) under much of the
 * traffic, as a CRM's biggest customers are; index 0 of 100,000 accounts gets about 0.3% of all contacts.
 */
export function skewedIndex(random: Random, count: number): number {
  const u = random.next();
  return Math.min(count - 1, Math.floor(count * u * u));
}
