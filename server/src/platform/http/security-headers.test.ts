import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setUpOwner, type TestApp } from '../../../test/harness.ts';

describe('security headers', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
    await setUpOwner(test.app);
  });
  afterAll(() => test.close());

  it("sets helmet's headers on answers, problems and unknown routes alike", async () => {
    for (const url of ['/api/v1/health', '/api/v1/contacts', '/api/v1/no-such-route']) {
      const { headers } = await test.app.inject({ method: 'GET', url });
      expect(headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'self'");
      expect(headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expect(headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
    }
  });
});
