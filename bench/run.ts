// `npm run bench [-- --small]`: loads a generated workspace into each engine, times the scenarios
// through the app and as raw SQL, writes bench/results/<time>-<engine>-<size>.json and refreshes
// the results table in bench/README.md.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Engine } from '../server/src/platform/db/database.ts';
import { startBenchApp } from './lib/bench-app.ts';
import { openBenchEngine } from './lib/bench-engine.ts';
import { type BenchOptions, parseBenchOptions } from './lib/bench-options.ts';
import {
  type BenchResult,
  describeMachine,
  type ScenarioResult,
  scenarioResult,
} from './lib/bench-result.ts';
import { loadBenchWorkspace } from './lib/load-workspace.ts';
import { refreshReadme } from './lib/readme-table.ts';
import type { Scenario, ScenarioContext } from './lib/scenario.ts';
import { accountTimelineScenario } from './scenarios/account-timeline.ts';
import { contactsListScenario } from './scenarios/contacts-list.ts';
import { createContactScenario } from './scenarios/create-contact.ts';
import { dealsBoardScenario } from './scenarios/deals-board.ts';
import {
  dataHealthScenario,
  duplicateScanScenario,
  duplicatesCheckScenario,
} from './scenarios/duplicates.ts';
import { importScenario } from './scenarios/import.ts';
import { moveDealScenario } from './scenarios/move-deal.ts';
import { rescoreScenario, scoreEventScenario } from './scenarios/scoring.ts';
import { searchScenario } from './scenarios/search.ts';

/** Every scenario the runner knows; other benches append theirs here. Reads run before writes. */
export const scenarios: Scenario[] = [
  contactsListScenario,
  searchScenario,
  accountTimelineScenario,
  dealsBoardScenario,
  duplicatesCheckScenario,
  dataHealthScenario,
  createContactScenario,
  moveDealScenario,
  // Plant behaviour events once; the rescore writes a score for every contact.
  scoreEventScenario,
  rescoreScenario,
  // Plants twins of 1% of the contacts and stores pairs: after every other scenario.
  duplicateScanScenario,
  // Doubles the contacts: last.
  importScenario,
];

const RESULTS_DIR = new URL('./results/', import.meta.url);
const README = new URL('./README.md', import.meta.url);

async function runScenarios(context: ScenarioContext, selected: Scenario[]): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of selected) {
    const result = scenarioResult(scenario, await scenario.run(context));
    const { api, sql, ratio } = result;
    console.log(
      `${scenario.name.padEnd(17)} API p50 ${api.p50} p95 ${api.p95} p99 ${api.p99} ms` +
        (sql
          ? ` | SQL p50 ${sql.p50} p95 ${sql.p95} p99 ${sql.p99} ms | ratio ${ratio?.p50} / ${ratio?.p95}`
          : ''),
    );
    results.push(result);
  }
  return results;
}

async function benchEngine(engine: Engine, options: BenchOptions): Promise<BenchResult> {
  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  console.log(`\n== ${engine}, ${options.size.label} dataset, seed ${options.seed}`);
  const bench = await openBenchEngine(engine);
  // Ctrl+C must still stop the throwaway PostgreSQL server and remove the data folders.
  const stop = () => void bench.close().finally(() => process.exit(130));
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    const workspace = await loadBenchWorkspace(bench, options.size, options.seed);
    const app = await startBenchApp(bench, workspace);
    try {
      const selected = scenarios.filter((s) => options.only.length === 0 || options.only.includes(s.name));
      const context = { bench, workspace, app, iterations: options.iterations, warmup: options.warmup };
      return {
        startedAt,
        engine,
        size: options.size,
        seed: options.seed,
        iterations: options.iterations,
        warmup: options.warmup,
        machine,
        transport: 'in-process: fastify inject (no sockets, no HTTP parsing), signed-in session cookie',
        loads: workspace.loads,
        settleSeconds: workspace.settleSeconds,
        scenarios: await runScenarios(context, selected),
      };
    } finally {
      await app.close();
    }
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    await bench.close();
  }
}

async function save(result: BenchResult): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const stamp = result.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const file = new URL(`${stamp}-${result.engine}-${result.size.label}.json`, RESULTS_DIR);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  await refreshReadme(README, RESULTS_DIR);
  console.log(`wrote ${file.pathname} and refreshed bench/README.md`);
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2));
  for (const engine of options.engines) {
    const result = await benchEngine(engine, options);
    if (options.writeResults) await save(result);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
