import type { InjectOptions } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { BenchApp } from './bench-app.ts';
import type { BenchEngine } from './bench-engine.ts';
import type { BenchWorkspace } from './load-workspace.ts';
import { timed } from './samples.ts';

export interface ScenarioContext {
  bench: BenchEngine;
  workspace: BenchWorkspace;
  app: BenchApp;
  iterations: number;
  warmup: number;
}

/** Milliseconds per iteration; `sql` when the scenario also ran the same work as raw SQL. */
export interface ScenarioSamples {
  api: number[];
  sql?: number[];
}

/**
 * One measured piece of work. The runner calls `run` once per engine and summarises the samples;
 * other benches (load test, page timing) add their own modules of this shape.
 */
export interface Scenario {
  name: string;
  title: string;
  /** Informational target for p95 through the API, in ms (README, not asserted). */
  targetP95Ms?: number;
  run(context: ScenarioContext): Promise<ScenarioSamples>;
}

export interface ApiRequest {
  method: InjectOptions['method'];
  url: string;
  payload?: object;
}

/** The requests of one iteration, and values (besides new ids) the SQL replay must not reuse. */
export interface Step {
  requests: ApiRequest[];
  vary?: ReadonlyMap<string, string>;
}

/**
 * Each iteration sends its requests through the app while recording their SQL, then runs exactly
 * that SQL again with the same parameters: the second timing is what the database alone needs.
 * Writes get fresh ids (and `vary` values) in the replay so unique keys hold.
 */
export async function measureApiAgainstSql(
  context: ScenarioContext,
  stepOf: (iteration: number) => Step,
): Promise<ScenarioSamples> {
  const { app, bench } = context;
  const samples: Required<ScenarioSamples> = { api: [], sql: [] };
  for (let iteration = 0; iteration < context.warmup + context.iterations; iteration++) {
    const step = stepOf(iteration);
    app.forgetIds();
    const { result: apiMs, queries } = await bench.tap.capture(() =>
      timed(async () => {
        for (const request of step.requests) await app.request(request.method, request.url, request.payload);
      }),
    );
    const replacements = new Map(step.vary);
    const vary = (value: unknown) => {
      if (typeof value !== 'string') return value;
      if (app.newIds.has(value) && !replacements.has(value)) replacements.set(value, uuidv7());
      return replacements.get(value) ?? value;
    };
    const sqlMs = await timed(() => bench.tap.replay(bench.database.db, queries, vary));
    if (iteration >= context.warmup) {
      samples.api.push(apiMs);
      samples.sql.push(sqlMs);
    }
  }
  return samples;
}
