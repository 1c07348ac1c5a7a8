import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/factories.ts';
import { tableCounts } from '../../../test/fuzz.ts';
import { type Client, createTestApp, setUpOwner, type TestApp } from '../../../test/harness.ts';
import { unstorableTextPath } from './storable-text.ts';

// Found by fuzz-records.test.ts: a NUL character reached PostgreSQL (500), half a surrogate pair was
// stored as U+FFFD without a word.
describe('text that cannot be stored', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
    await owner.ok('POST', '/api/v1/custom-fields', {
      recordType: 'account',
      key: 'notitie',
      label: 'Notitie',
      type: 'text',
    });
  });
  afterAll(() => test.close());

  it('finds NUL and lone surrogates in values and keys at any depth, and nothing in proper text', () => {
    expect(unstorableTextPath({ name: 'a\u0000b' })).toBe('name');
    expect(unstorableTextPath({ stages: [{ name: 'ok' }, { name: '\ud800' }] })).toBe('stages.1.name');
    expect(unstorableTextPath({ custom: { 'x\u0000': 1 } })).toBe('custom.x\u0000');
    expect(unstorableTextPath('\udfff')).toBe('');
    expect(unstorableTextPath({ name: 'Bakkerij 👩‍👩‍👧 Ǆ', n: 1, list: [null, true] })).toBeNull();
    expect(
      unstorableTextPath(JSON.parse(`${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`)),
    ).not.toBeNull();
  });

  it('answers NUL in a body field, a custom value or a filter with 422 naming it, writing nothing', async () => {
    const before = await tableCounts(test);
    expectProblem(await owner.post('/api/v1/accounts', { name: 'Nul\u0000 BV' }), 422, 'name');
    expectProblem(
      await owner.post('/api/v1/accounts', { name: 'Nul BV', custom: { notitie: '\u0000' } }),
      422,
      'custom.notitie',
    );
    expectProblem(await owner.get('/api/v1/accounts?filter=name:eq:%00'), 422, 'filter');
    expect(await tableCounts(test)).toEqual(before);
  });

  it('answers half a surrogate pair with 422 instead of storing U+FFFD', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: {
        ...owner.headers(),
        'x-csrf-token': (await owner.ok<{ csrfToken: string }>('GET', '/api/v1/auth/me')).csrfToken,
        'content-type': 'application/json',
      },
      payload: '{"name":"Half \\ud800 BV"}',
    });
    expectProblem(response as Parameters<typeof expectProblem>[0], 422, 'name');
  });
});
