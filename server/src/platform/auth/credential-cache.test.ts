import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/factories.ts';
import {
  addMember,
  type Client,
  createTestApp,
  setUpOwner,
  type TestApp,
  tokenClient,
} from '../../../test/harness.ts';
import { CREDENTIAL_CACHE_MS } from './credential-cache.ts';

const CONTACTS = '/api/v1/contacts';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the credential cache', () => {
  let test: TestApp;
  let owner: Client;
  beforeAll(async () => {
    test = await createTestApp();
    owner = await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  it('applies a role change on the very next request of the member’s session and token', async () => {
    const rep = await addMember(test.app, owner, 'sales');
    const token = await tokenClient(test.app, rep);
    expect((await rep.post(CONTACTS, { lastName: 'Voor' })).statusCode).toBe(201);
    expect((await token.post(CONTACTS, { lastName: 'Voor' })).statusCode).toBe(201);
    await owner.ok('PATCH', `/api/v1/users/${rep.userId}`, { role: 'viewer' });
    expectProblem(await rep.post(CONTACTS, { lastName: 'Na' }), 403);
    expectProblem(await token.post(CONTACTS, { lastName: 'Na' }), 403);
  });

  it('refuses a token on the request right after its revocation, even while it is in use', async () => {
    const token = await tokenClient(test.app, owner);
    const inUse = Array.from({ length: 5 }, () => token.get(CONTACTS));
    await owner.ok('DELETE', `/api/v1/api-tokens/${token.tokenId}`, undefined);
    await Promise.all(inUse);
    expectProblem(await token.get(CONTACTS), 401);
  });

  it('refuses a removed member’s session on their next request', async () => {
    const member = await addMember(test.app, owner, 'manager');
    expect((await member.get(CONTACTS)).statusCode).toBe(200);
    await owner.ok('DELETE', `/api/v1/users/${member.userId}`, undefined);
    expectProblem(await member.get(CONTACTS), 401);
  });

  it(`sees a change made outside this process (another app server) within ${CREDENTIAL_CACHE_MS} ms`, async () => {
    const rep = await addMember(test.app, owner, 'sales');
    expect((await rep.post(CONTACTS, { lastName: 'Voor' })).statusCode).toBe(201);
    await test.ctx.db
      .updateTable('memberships')
      .set({ role: 'viewer' })
      .where('userId', '=', rep.userId)
      .execute();
    await wait(CREDENTIAL_CACHE_MS + 50);
    expectProblem(await rep.post(CONTACTS, { lastName: 'Na' }), 403);
  });
});
