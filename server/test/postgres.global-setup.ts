import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { startCluster } from './postgres-cluster.ts';

export const TEMPLATE_DATABASE = 'baken_template';

/** One PostgreSQL server per test run; each test file copies a migrated template database. */
export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const template = await openDatabase({
    engine: 'postgresql',
    url: cluster.urlOf(TEMPLATE_DATABASE),
    poolSize: 1,
  });
  await migrate(template.db);
  await template.close();
  project.provide('postgresAdminUrl', cluster.url);
  return () => cluster.stop();
}
