import autocannon from 'autocannon';
import pg from 'pg';
import { startCluster } from '../server/test/postgres-cluster.ts';
import { apiTokenFor, runBaken, startServerProcess } from '../server/test/server-process.ts';
import { demoOwnerFrom } from './load-test.ts';

const cluster = await startCluster();
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
await admin.query('create database load');
await admin.end();
const database = { databaseUrl: cluster.urlOf('load') };
const owner = demoOwnerFrom(await runBaken(['demo'], database));
const server = await startServerProcess(database);
const token = await apiTokenFor(server.url, { path: '/auth/login', body: owner });
const deals = (await (
  await fetch(`${server.url}/api/v1/deals?limit=5`, { headers: { authorization: `Bearer ${token}` } })
).json()) as { data: { id: string }[] };
const d = deals.data[0]!.id;
for (const path of [
  '/api/v1/health',
  '/api/v1/contacts?filter=lifecycleStage:eq:lead&sort=-createdAt&limit=50',
  '/api/v1/contacts?q=bakk&limit=20',
  `/api/v1/deals/${d}`,
  `/api/v1/deals/${d}/timeline`,
  '/api/v1/deals?sort=-updatedAt&limit=50',
  '/api/v1/contacts?limit=1',
]) {
  const r = await autocannon({
    url: server.url + path,
    connections: 20,
    duration: 3,
    headers: { authorization: `Bearer ${token}` },
  });
  console.log(
    `${Math.round(r.requests.average)} req/s p50 ${r.latency.p50} non2xx ${r.non2xx}  ${path.slice(0, 70)}`,
  );
}
await server.stop();
await cluster.stop();
