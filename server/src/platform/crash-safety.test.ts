// Crash safety (issue 4): the real server is killed with SIGKILL in the middle of many concurrent
// writes and started again on the same data. Every write is one transaction (record, tags, custom
// fields, stage history, audit row), so after the restart each one is either wholly there or absent.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import {
  apiTokenFor,
  type ServerDatabase,
  type ServerProcess,
  startServerProcess,
} from '../../test/server-process.ts';
import { type Database, openDatabase } from './db/database.ts';

const WRITERS = 16;
/** The server is killed once this many writes were acknowledged (or after KILL_AFTER_MS). */
const KILL_AT_ACKNOWLEDGED = 150;
const KILL_AFTER_MS = 6_000;
const TAG = 'crash-test';

interface Stage {
  id: string;
  name: string;
}

async function freshDatabase(): Promise<{ database: ServerDatabase; cleanUp(): Promise<void> }> {
  if (testEngine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-crash-'));
    return { database: { dataDir }, cleanUp: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template baken_template`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { database: { databaseUrl: url.toString() }, cleanUp: async () => undefined };
}

function openDirectly(database: ServerDatabase): Promise<Database> {
  return 'dataDir' in database
    ? openDatabase({ engine: 'pglite', dataDir: database.dataDir })
    : openDatabase({ engine: 'postgresql', url: database.databaseUrl, poolSize: 1 });
}

class Api {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, json } = await this.call<T>(method, path, body);
    if (status >= 300) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(json)}`);
    return json;
  }
}

/** What the clients saw before the kill: writes the server acknowledged, and writes cut off. */
interface Storm {
  acknowledgedContacts: string[];
  /** Per deal: the stage of the last acknowledged move, and the stage of a move cut off by the kill. */
  dealStages: Map<string, { acknowledged: string; pending: string | null }>;
  interrupted: number;
  rejected: string[];
}

async function writeUntilKilled(server: ServerProcess, api: Api, deals: string[], stages: Stage[]) {
  const storm: Storm = {
    acknowledgedContacts: [],
    dealStages: new Map(deals.map((id) => [id, { acknowledged: stages[0]!.id, pending: null }])),
    interrupted: 0,
    rejected: [],
  };
  let acknowledged = 0;
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    server.child.kill('SIGKILL');
  };
  const timer = setTimeout(kill, KILL_AFTER_MS);
  const writer = async (writerIndex: number) => {
    const dealId = deals[writerIndex]!;
    for (let i = 0; !killed; i++) {
      const moveDeal = i % 3 === 2;
      const state = storm.dealStages.get(dealId)!;
      const nextStage = stages[(Math.floor(i / 3) + 1) % stages.length]!.id;
      try {
        if (moveDeal) {
          state.pending = nextStage;
          const { status } = await api.call('PATCH', `/deals/${dealId}`, { stageId: nextStage });
          if (status !== 200) storm.rejected.push(`PATCH deal ${status}`);
          else state.acknowledged = nextStage;
          state.pending = null;
        } else {
          const { status, json } = await api.call<{ id: string }>('POST', '/contacts', {
            firstName: `Writer ${writerIndex}`,
            lastName: `Contact ${i}`,
            email: `w${writerIndex}.c${i}@crash.example.nl`,
            // A new tag per contact: each write also inserts into the tag catalogue.
            tags: [TAG, `w${writerIndex}-c${i}`],
            custom: { segment: `segment ${i % 5}` },
          });
          if (status !== 201) storm.rejected.push(`POST contact ${status}`);
          else storm.acknowledgedContacts.push(json.id);
        }
        acknowledged++;
        if (acknowledged >= KILL_AT_ACKNOWLEDGED) kill();
      } catch {
        // The connection died with the server: this write was in flight when the process was killed.
        storm.interrupted++;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
  clearTimeout(timer);
  await server.stop();
  return storm;
}

describe(`crash safety (${testEngine})`, () => {
  let target: { database: ServerDatabase; cleanUp(): Promise<void> };
  let server: ServerProcess | undefined;
  let storm: Storm;
  let killedPid: number;
  let stages: Stage[];

  beforeAll(async () => {
    target = await freshDatabase();
    server = await startServerProcess(target.database);
    const token = await apiTokenFor(server.url, {
      path: '/setup',
      body: {
        workspaceName: 'Crash BV',
        name: 'Eva de Vries',
        email: 'eva@crash.example.nl',
        password: 'Tulpen-in-de-lente-2026',
      },
    });
    const api = new Api(server.url, token);
    await api.ok('POST', '/custom-fields', {
      recordType: 'contact',
      key: 'segment',
      label: 'Segment',
      type: 'text',
    });
    const pipelines = await api.ok<{ data: { isDefault: boolean; stages: Stage[] }[] }>('GET', '/pipelines');
    stages = pipelines.data.find((pipeline) => pipeline.isDefault)!.stages;
    const deals: string[] = [];
    for (let index = 0; index < WRITERS; index++) {
      deals.push(
        (await api.ok<{ id: string }>('POST', '/deals', { name: `Deal ${index}`, amount: 1000 })).id,
      );
    }
    killedPid = server.pid;
    storm = await writeUntilKilled(server, api, deals, stages);
    server = undefined;
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await target?.cleanUp();
  });

  it('was killed while writes were in flight, none of them refused before', () => {
    expect(storm.rejected).toEqual([]);
    expect(storm.interrupted).toBeGreaterThan(0);
    expect(storm.acknowledgedContacts.length).toBeGreaterThan(0);
  });

  it('starts again on the same data (taking over the lock of the killed process) and serves reads and writes', async () => {
    server = await startServerProcess(target.database);
    expect(server.pid).not.toBe(killedPid);
    const token = await apiTokenFor(server.url, {
      path: '/auth/login',
      body: { email: 'eva@crash.example.nl', password: 'Tulpen-in-de-lente-2026' },
    });
    const api = new Api(server.url, token);
    const created = await api.ok<{ id: string; tags: string[] }>('POST', '/contacts', {
      firstName: 'Na',
      lastName: 'De Crash',
      tags: [TAG, 'after-restart'],
      custom: { segment: 'after' },
    });
    expect(created.tags).toEqual([TAG, 'after-restart']);
    const page = await api.ok<{ data: { id: string }[] }>(
      'GET',
      `/contacts?filter=tags:contains:after-restart&limit=10`,
    );
    expect(page.data.map((contact) => contact.id)).toEqual([created.id]);
    const last = storm.acknowledgedContacts.at(-1)!;
    expect((await api.ok<{ id: string }>('GET', `/contacts/${last}`)).id).toBe(last);
    await server.stop();
    server = undefined;
  });

  describe('after the restart, nothing half-written is visible', () => {
    let database: Database;
    beforeAll(async () => {
      database = await openDirectly(target.database);
    });
    afterAll(() => database?.close());

    it('keeps every contact whose creation was acknowledged', async () => {
      const rows = await database.db
        .selectFrom('contacts')
        .select('id')
        .where('id', 'in', storm.acknowledgedContacts)
        .execute();
      expect(rows.length).toBe(storm.acknowledgedContacts.length);
    });

    it("gives every contact its audit 'create' row, its custom field and its tags in the catalogue", async () => {
      const { rows } = await sql<{ id: string; problem: string }>`
        select c.id, 'no audit row' as problem from contacts c
          where not exists (select 1 from audit_log a where a.workspace_id = c.workspace_id
            and a.entity_type = 'contact' and a.entity_id = c.id and a.action = 'create')
        union all
        select c.id, 'tag ' || t.name || ' not in the catalogue' from contacts c, unnest(c.tags) as t(name)
          where not exists (select 1 from tags g where g.workspace_id = c.workspace_id and g.name = t.name)
        union all
        select c.id, 'no custom segment' from contacts c where c.custom->>'segment' is null
      `.execute(database.db);
      expect(rows).toEqual([]);
      const count = await database.db
        .selectFrom('contacts')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where(sql<boolean>`${TAG} = any(tags)`)
        .executeTakeFirstOrThrow();
      // The storm's contacts, the one created after the restart, and perhaps some cut off mid-flight.
      expect(count.count).toBeGreaterThanOrEqual(storm.acknowledgedContacts.length + 1);
      expect(count.count).toBeLessThanOrEqual(storm.acknowledgedContacts.length + 1 + storm.interrupted);
    });

    it("finds the record of every audit 'create' row (no transaction committed halfway)", async () => {
      const { rows } = await sql<{ entityType: string; entityId: string }>`
        select a.entity_type, a.entity_id from audit_log a
          where a.action = 'create' and (
            (a.entity_type = 'contact' and not exists (select 1 from contacts c where c.id = a.entity_id))
            or (a.entity_type = 'deal' and not exists (select 1 from deals d where d.id = a.entity_id)))
      `.execute(database.db);
      expect(rows).toEqual([]);
    });

    it("keeps each deal's stage history a chain that ends in its current stage, one audit row per move", async () => {
      const deals = await database.db.selectFrom('deals').select(['id', 'stageId']).execute();
      expect(deals.length).toBe(WRITERS);
      const changes = await database.db
        .selectFrom('dealStageChanges')
        .select(['dealId', 'fromStageId', 'toStageId'])
        .orderBy('changedAt')
        .orderBy('id')
        .execute();
      const audits = await sql<{ entityId: string; moves: number }>`
        select entity_id, count(*)::int as moves from audit_log
          where entity_type = 'deal' and action = 'update' and changes ? 'stageId' group by entity_id
      `.execute(database.db);
      for (const deal of deals) {
        const chain = changes.filter((change) => change.dealId === deal.id);
        expect(chain[0]?.fromStageId).toBeNull();
        for (let index = 1; index < chain.length; index++) {
          expect(chain[index]!.fromStageId).toBe(chain[index - 1]!.toStageId);
        }
        expect(chain.at(-1)?.toStageId).toBe(deal.stageId);
        const moves = audits.rows.find((row) => row.entityId === deal.id)?.moves ?? 0;
        expect(moves).toBe(chain.length - 1);
        const seen = storm.dealStages.get(deal.id)!;
        expect([seen.acknowledged, seen.pending]).toContain(deal.stageId);
      }
    });
  });
});
