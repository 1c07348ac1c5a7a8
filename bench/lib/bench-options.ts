import { parseArgs } from 'node:util';
import type { Engine } from '../../server/src/platform/db/database.ts';
import { type DatasetSize, FULL_SIZE, SMALL_SIZE } from './dataset-size.ts';

export interface BenchOptions {
  engines: Engine[];
  size: DatasetSize;
  seed: number;
  iterations: number;
  warmup: number;
  /** Scenario names to run; empty runs them all. */
  only: string[];
  writeResults: boolean;
}

const USAGE = `npm run bench -- [--small] [--engine postgresql|pglite|both] [--seed N] [--iterations N]
  [--warmup N] [--only name,name] [--contacts N --accounts N --deals N --activities N] [--no-save]`;

const count = (value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`not a whole number: ${value}\n${USAGE}`);
  return number;
};

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      small: { type: 'boolean', default: false },
      engine: { type: 'string', default: 'both' },
      seed: { type: 'string' },
      iterations: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      contacts: { type: 'string' },
      accounts: { type: 'string' },
      deals: { type: 'string' },
      activities: { type: 'string' },
      'no-save': { type: 'boolean', default: false },
    },
  });
  const base = values.small ? SMALL_SIZE : FULL_SIZE;
  const custom = [values.contacts, values.accounts, values.deals, values.activities].some(
    (v) => v !== undefined,
  );
  const size: DatasetSize = {
    label: custom ? 'custom' : base.label,
    accounts: Math.max(1, count(values.accounts, base.accounts)),
    contacts: Math.max(1, count(values.contacts, base.contacts)),
    deals: Math.max(1, count(values.deals, base.deals)),
    activities: count(values.activities, base.activities),
    owners: base.owners,
  };
  if (!['both', 'postgresql', 'pglite'].includes(values.engine)) throw new Error(USAGE);
  return {
    engines: values.engine === 'both' ? ['postgresql', 'pglite'] : [values.engine as Engine],
    size,
    seed: count(values.seed, 20_261_126),
    iterations: Math.max(1, count(values.iterations, 200)),
    warmup: count(values.warmup, 20),
    only: values.only ? values.only.split(',') : [],
    writeResults: !values['no-save'],
  };
}
