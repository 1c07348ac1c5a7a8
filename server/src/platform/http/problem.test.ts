import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/factories.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../../test/harness.ts';

// Errors that Fastify's router raises before any handler runs are problem+json too (found by fuzz.test.ts).
describe('router errors', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  it('answers a path part longer than any id with 400 problem+json', async () => {
    const response = await owner.get(`/api/v1/deals/${'x'.repeat(5_000)}`);
    expectProblem(response, 400);
    expect(response.json().instance).toBe(`/api/v1/deals/${'x'.repeat(5_000)}`);
  });

  it('answers a malformed %-escape in a path part with 400 problem+json', async () => {
    expectProblem(await owner.get('/api/v1/accounts/%zz'), 400);
    expectProblem(await owner.delete('/api/v1/tags/%'), 400);
  });
});
