import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { BenchResult, ScenarioResult } from './bench-result.ts';

const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

/**
 * The newest figures of each scenario per engine and dataset size, engines side by side. A run of
 * some scenarios (`--only`) replaces only those: each file keeps the scenarios no newer file has.
 */
async function latestResults(
  resultsDir: URL,
): Promise<{ file: string; result: BenchResult; only?: string[] }[]> {
  // Other benches (load test, page timing) write their own result files into the same folder.
  const ours = /-(postgresql|pglite)-(full|small|custom)\.json$/;
  const files = (await readdir(resultsDir)).filter((file) => ours.test(file)).sort();
  const runs: { file: string; result: BenchResult }[] = [];
  for (const file of files) {
    const result = JSON.parse(await readFile(new URL(file, resultsDir), 'utf8')) as BenchResult;
    if (Array.isArray(result.scenarios)) runs.push({ file, result });
  }
  const taken = new Set<string>();
  const kept = new Map<string, { file: string; result: BenchResult; only?: string[] }>();
  for (const run of [...runs].reverse()) {
    const scenarios = run.result.scenarios.filter((scenario) => {
      const key = `${run.result.engine}-${run.result.size.label}-${scenario.name}`;
      if (taken.has(key)) return false;
      taken.add(key);
      return true;
    });
    if (scenarios.length === 0) continue;
    const only =
      scenarios.length < run.result.scenarios.length ? scenarios.map((scenario) => scenario.name) : undefined;
    kept.set(run.file, { file: run.file, result: { ...run.result, scenarios }, ...(only ? { only } : {}) });
  }
  // Grouped by engine and size in the order each first appeared, oldest run first within a group.
  const groups = [...new Set(runs.map((run) => `${run.result.engine}-${run.result.size.label}`))];
  return groups.flatMap((group) =>
    runs
      .filter((run) => `${run.result.engine}-${run.result.size.label}` === group && kept.has(run.file))
      .map((run) => kept.get(run.file)!),
  );
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function scenarioLine(result: BenchResult, scenario: ScenarioResult): string {
  const target = scenario.targetP95Ms;
  const verdict = target === null ? '' : scenario.api.p95 <= target ? `< ${target} ✓` : `< ${target} ✗`;
  const sql = scenario.sql
    ? `${ms(scenario.sql.p50)} / ${ms(scenario.sql.p95)} / ${ms(scenario.sql.p99)}`
    : '';
  const ratio = scenario.ratio ? `${scenario.ratio.p50} / ${scenario.ratio.p95}` : '';
  const { api } = scenario;
  return `| ${result.engine} | ${result.size.label} | ${scenario.name} | ${ms(api.p50)} / ${ms(api.p95)} / ${ms(api.p99)} | ${sql} | ${ratio} | ${verdict} |`;
}

function runLine(file: string, result: BenchResult, only?: string[]): string {
  const { machine, size } = result;
  const loads = result.loads
    .map((load) => `${load.table} ${Math.round(load.rowsPerSecond / 100) / 10}k`)
    .join(', ');
  return (
    `- \`${file}\`: ${result.engine}, ${size.contacts.toLocaleString('en')} contacts / ${size.accounts.toLocaleString('en')} accounts / ` +
    `${size.deals.toLocaleString('en')} deals / ${size.activities.toLocaleString('en')} activities, seed ${result.seed}, ` +
    `${result.iterations} iterations after ${result.warmup} warm-up; ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ` +
    `Node ${machine.node}, load average ${machine.loadAverage} at start. Load rows/s: ${loads}.` +
    (only ? ` In the table: ${only.join(', ')}.` : '')
  );
}

export function resultsSection(results: { file: string; result: BenchResult; only?: string[] }[]): string {
  const header = [
    '| engine | size | scenario | API p50 / p95 / p99 ms | raw SQL p50 / p95 / p99 ms | API ÷ SQL p50 / p95 | p95 target |',
    '|---|---|---|---|---|---|---|',
  ];
  const lines = results.flatMap(({ result }) =>
    result.scenarios.map((scenario) => scenarioLine(result, scenario)),
  );
  const runs = results.map(({ file, result, only }) => runLine(file, result, only));
  return [...header, ...lines, '', ...runs].join('\n');
}

/** Rewrites the part of bench/README.md between the results markers from the newest result files. */
export async function refreshReadme(readme: URL, resultsDir: URL): Promise<void> {
  const text = await readFile(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${readme.pathname} has no ${START} ... ${END} markers`);
  const section = resultsSection(await latestResults(resultsDir));
  await writeFile(readme, `${text.slice(0, start + START.length)}\n${section}\n${text.slice(end)}`);
}
