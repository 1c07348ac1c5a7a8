import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { latestSchemaVersion } from '../platform/db/migrate.ts';

describe('GET /api/v1/health', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  it('reports the engine and the schema version without signing in', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      engine: testEngine,
      schemaVersion: await latestSchemaVersion(),
    });
  });

  it('answers an unknown route with problem+json', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, title: 'Not found' });
  });
});
