// Load test (issue 4): the real `baken start` with the demo dataset, driven by autocannon from a
// second process with a mixed read/write workload, on PostgreSQL and on PGlite.
//
//   node --import tsx bench/load-test.ts [--engine postgresql|pglite] [--duration 20] [--connections 50]
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Engine } from '../server/src/platform/db/database.ts';
import { type Cluster, startCluster } from '../server/test/postgres-cluster.ts';
import {
  apiTokenFor,
  runBaken,
  type ServerDatabase,
  startServerProcess,
} from '../server/test/server-process.ts';
import { driveLoad, type LoadFigures, type LoadTarget } from './lib/load-workload.ts';
import { cpuSecondsByPid, cpuSecondsSince } from './lib/process-cpu.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const RESULTS = join(ROOT, 'bench', 'results');

interface DemoOwner {
  email: string;
  password: string;
}

/** The owner's sign-in that `baken demo` prints once (`  email  password  role  name`). */
export function demoOwnerFrom(output: string): DemoOwner {
  for (const line of output.split('\n')) {
    const match = /^\s+(\S+@\S+)\s+(\S+)\s+owner\s/.exec(line);
    if (match) return { email: match[1]!, password: match[2]! };
  }
  throw new Error(`baken demo printed no owner:\n${output}`);
}

/**
 * The PostgreSQL server process and its children (backends, background workers). Listed again at
 * the end: the app opens most of its pool's connections during the run.
 */
async function postgresPids(databaseUrl: string): Promise<() => Promise<number[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const stat = await readFile(`/proc/${rows[0]!.pid}/stat`, 'utf8').catch(() => '');
  await client.end();
  const postmaster = Number(stat.split(') ')[1]?.split(' ')[1]);
  return async () => {
    if (!postmaster) return [];
    const children: number[] = [];
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      if (Number(child.split(') ')[1]?.split(' ')[1]) === postmaster) children.push(Number(entry));
    }
    return [postmaster, ...children];
  };
}

async function databaseFor(engine: Engine): Promise<{ database: ServerDatabase; cleanUp(): Promise<void> }> {
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-load-'));
    return { database: { dataDir }, cleanUp: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const cluster: Cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database load');
  await admin.end();
  return { database: { databaseUrl: cluster.urlOf('load') }, cleanUp: () => cluster.stop() };
}

async function json<T>(url: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Deals and their pipelines' open stages, and search terms taken from the demo's contact names. */
async function targetOf(url: string, token: string): Promise<Pick<LoadTarget, 'deals' | 'searchTerms'>> {
  const pipelines = await json<{ data: { id: string; stages: { id: string; kind: string }[] }[] }>(
    url,
    token,
    '/pipelines',
  );
  const openStages = new Map(
    pipelines.data.map((pipeline) => [
      pipeline.id,
      pipeline.stages.filter((stage) => stage.kind === 'open').map((stage) => stage.id),
    ]),
  );
  const deals = await json<{ data: { id: string; pipelineId: string }[] }>(url, token, '/deals?limit=200');
  const contacts = await json<{ data: { lastName: string | null }[] }>(url, token, '/contacts?limit=200');
  const searchTerms = [
    ...new Set(contacts.data.flatMap((contact) => (contact.lastName ? [contact.lastName.slice(0, 4)] : []))),
  ];
  return {
    deals: deals.data.map((deal) => ({ id: deal.id, stageIds: openStages.get(deal.pipelineId) ?? [] })),
    searchTerms,
  };
}

/** autocannon in its own process, so that the server under test does not share a core with it. */
async function runWorker(target: LoadTarget): Promise<LoadFigures> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-test.ts', '--worker'], {
    cwd: ROOT,
    env: { ...process.env, BAKEN_LOAD_TARGET: JSON.stringify(target) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load worker exited with ${code}`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as LoadFigures;
}

export interface LoadResult extends LoadFigures {
  engine: Engine;
  connections: number;
  durationSeconds: number;
  at: string;
  /** 1-minute load average when the run started (the machine has other work too). */
  loadAverageAtStart: number;
  /** CPU time of the Baken process (with PGlite: including its database thread) per request. */
  serverCpuMsPerRequest: number;
  /** CPU time of the PostgreSQL server processes per request (PostgreSQL only). */
  databaseCpuMsPerRequest: number | null;
}

async function loadTest(engine: Engine, connections: number, durationSeconds: number): Promise<LoadResult> {
  const target = await databaseFor(engine);
  try {
    console.error(`[${engine}] loading the demo dataset…`);
    const owner = demoOwnerFrom(await runBaken(['demo'], target.database));
    const server = await startServerProcess(target.database);
    try {
      const token = await apiTokenFor(server.url, { path: '/auth/login', body: owner });
      const data = await targetOf(server.url, token);
      console.error(`[${engine}] ${connections} clients for ${durationSeconds} s…`);
      const databasePids =
        'databaseUrl' in target.database ? await postgresPids(target.database.databaseUrl) : null;
      const loadAverageAtStart = Math.round(loadavg()[0]! * 100) / 100;
      const serverCpu = cpuSecondsByPid([server.pid]);
      const databaseCpu = cpuSecondsByPid((await databasePids?.()) ?? []);
      const figures = await runWorker({ url: server.url, token, connections, durationSeconds, ...data });
      const serverSeconds = cpuSecondsSince(serverCpu, cpuSecondsByPid([server.pid]));
      const databaseSeconds = databasePids
        ? cpuSecondsSince(databaseCpu, cpuSecondsByPid(await databasePids()))
        : null;
      const perRequest = (seconds: number) => Math.round((seconds * 1000 * 1000) / figures.requests) / 1000;
      return {
        engine,
        connections,
        durationSeconds,
        at: new Date().toISOString(),
        ...figures,
        loadAverageAtStart,
        serverCpuMsPerRequest: perRequest(serverSeconds),
        databaseCpuMsPerRequest: databaseSeconds === null ? null : perRequest(databaseSeconds),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await target.cleanUp();
  }
}

export function loadTable(results: LoadResult[]): string {
  const rows = results.map(
    (result) =>
      `| ${result.engine} | ${result.connections} | ${result.durationSeconds} s | ${result.requestsPerSecond} | ` +
      `${result.latencyP50Ms} ms | ${result.latencyP99Ms} ms | ${result.non2xx} | ${result.socketErrors} | ` +
      `${result.serverCpuMsPerRequest} | ${result.databaseCpuMsPerRequest ?? 'in server'} | ${result.loadAverageAtStart} |`,
  );
  return [
    '| engine | clients | duration | requests/s | p50 | p99 | non-2xx | socket errors | server CPU ms/request | database CPU ms/request | load average at start |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      worker: { type: 'boolean', default: false },
      engine: { type: 'string', multiple: true },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '50' },
    },
  });
  if (values.worker) {
    const target = JSON.parse(process.env.BAKEN_LOAD_TARGET ?? '{}') as LoadTarget;
    console.log(JSON.stringify(await driveLoad(target)));
    return;
  }
  const engines = (values.engine ?? ['postgresql', 'pglite']) as Engine[];
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const results: LoadResult[] = [];
  await mkdir(RESULTS, { recursive: true });
  for (const engine of engines) {
    const result = await loadTest(engine, Number(values.connections), Number(values.duration));
    results.push(result);
    await writeFile(join(RESULTS, `${stamp}-load-${engine}.json`), `${JSON.stringify(result, null, 2)}\n`);
  }
  console.log(loadTable(results));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
