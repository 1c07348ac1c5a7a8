// temporary: import throughput profile

import { uuidv7 } from 'uuidv7';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import type { AppContext } from '../server/src/platform/context.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { runJobs, uploadImportFile } from '../server/test/imports.ts';
import { startCluster } from '../server/test/postgres-cluster.ts';

const N = Number(process.env.N ?? 20000);
const cluster = await startCluster();
const database = await openDatabase({ engine: 'postgresql', url: cluster.url });
const { migrate } = await import('../server/src/platform/db/migrate.ts');
await migrate(database.db);
const queries: { sql: string }[] = [];
const ctx: AppContext = {
  db: database.db,
  engine: 'postgresql',
  config: loadConfig({ BAKEN_LOGIN_RATE_LIMIT: '1000', BAKEN_ENRICHMENT_PROVIDERS: 'none' }),
  now: () => new Date(),
  newId: () => uuidv7(),
};
const app = await buildApp(ctx, { logger: false });
await app.ready();
const setup0 = await app.inject({
  method: 'POST',
  url: '/api/v1/setup',
  payload: { workspaceName: 'Prof', name: 'P', email: 'p@example.nl', password: 'Tulpen-in-de-lente-2026' },
});
console.error(setup0.statusCode, setup0.body.slice(0, 300), JSON.stringify(setup0.cookies));
const setup = setup0;
const cookie = `baken_session=${setup.cookies.find((c) => c.name === 'baken_session')!.value}`;
const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const headers = { cookie, 'x-csrf-token': me.json().csrfToken };
const lines = ['Voornaam,Achternaam,E-mail,Telefoon,Functie,Bedrijf'];
for (let i = 0; i < N; i++)
  lines.push(
    `Jan${i % 97},Jansen${i},jan.jansen${i}@firma${i % 500}.nl,06 1234 ${String(5000 + (i % 4000)).padStart(4, '0')},Inkoper,Firma ${i % 500} BV`,
  );
const up = await uploadImportFile(app, headers, 'contact', 'c.csv', Buffer.from(lines.join('\n')));
const id = up.json().id;
console.log('mapping', JSON.stringify(up.json().mapping));
const st = await app.inject({ method: 'POST', url: `/api/v1/imports/${id}/start`, headers, payload: {} });
console.log('start', st.statusCode, st.body.slice(0, 200));
const t = performance.now();
await runJobs(ctx);
const s = (performance.now() - t) / 1000;
const res = await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers });
const r = res.json();
console.log({
  status: r.status,
  created: r.createdCount,
  failed: r.failedCount,
  seconds: s.toFixed(1),
  rowsPerSec: Math.round(N / s),
});
await app.close();
await database.close();
await cluster.stop();
