import { cpus, loadavg, totalmem } from 'node:os';
import type { Engine } from '../../server/src/platform/db/database.ts';
import type { DatasetSize } from './dataset-size.ts';
import type { TableLoad } from './load-workspace.ts';
import { type Latency, summarise } from './samples.ts';
import type { Scenario, ScenarioSamples } from './scenario.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** 1-minute load average when the run started: above the core count, other work skewed the figures. */
  loadAverage: number;
}

export interface ScenarioResult {
  name: string;
  title: string;
  targetP95Ms: number | null;
  api: Latency;
  sql: Latency | null;
  /** API latency over raw-SQL latency of the same iterations, at p50 and p95. */
  ratio: { p50: number; p95: number } | null;
}

export interface BenchResult {
  startedAt: string;
  engine: Engine;
  size: DatasetSize;
  seed: number;
  iterations: number;
  warmup: number;
  machine: Machine;
  /** How requests reached the app. */
  transport: string;
  loads: TableLoad[];
  settleSeconds: number;
  scenarios: ScenarioResult[];
}

export function describeMachine(): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function scenarioResult(scenario: Scenario, samples: ScenarioSamples): ScenarioResult {
  const api = summarise(samples.api);
  const sql = samples.sql ? summarise(samples.sql) : null;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    name: scenario.name,
    title: scenario.title,
    targetP95Ms: scenario.targetP95Ms ?? null,
    api,
    sql,
    ratio: sql ? { p50: ratio(api.p50, sql.p50), p95: ratio(api.p95, sql.p95) } : null,
  };
}
