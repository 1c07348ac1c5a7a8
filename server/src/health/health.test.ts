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

  it('serves the OpenAPI 3.1 document and its reference page', async () => {
    const document = await test.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(document.statusCode).toBe(200);
    const spec = document.json();
    expect(spec.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/accounts',
      '/api/v1/contacts/{id}/timeline',
      '/api/v1/deals/{id}',
      '/api/v1/auth/login',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    const create = spec.paths['/api/v1/accounts'].post;
    expect(create.requestBody.content['application/json'].schema.required).toContain('name');
    const page = await test.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });
});
