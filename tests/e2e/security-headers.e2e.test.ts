import { Harness, startHarness } from '../support/harness';

const STRICT_CSP = /^default-src 'none'; frame-ancestors 'none'/;

/** Security headers on every response, no X-Powered-By, and CORS off unless origins are allowlisted. */
describe('security headers and CORS over HTTP', () => {
  describe('defaults', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ temporal: 'dev' });
    });
    afterAll(async () => h?.close());

    it.each([
      ['a public JSON response', '/health/live'],
      ['an error response', '/cases'],
      ['an unknown route', '/no/such/route'],
    ])('sets the headers on %s', async (_what, path) => {
      const res = await h.http().get(path).set('Origin', 'https://evil.example');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['content-security-policy']).toMatch(STRICT_CSP);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it("gives HTML pages the console's policy: own scripts only, inline styles for the component library", async () => {
      const res = await h.http().get('/docs/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    });

    it('answers a CORS preflight without any allow headers', async () => {
      const res = await h
        .http()
        .options('/cases')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-methods']).toBeUndefined();
    });
  });

  describe('with CORS_ORIGINS', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({
        temporal: 'dev',
        config: { CORS_ORIGINS: 'https://console.example,http://localhost:5173' },
      });
    });
    afterAll(async () => h?.close());

    it('allows exactly the listed origins', async () => {
      const ok = await h
        .http()
        .options('/cases')
        .set('Origin', 'https://console.example')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(ok.status).toBe(204);
      expect(ok.headers['access-control-allow-origin']).toBe('https://console.example');
      expect(ok.headers['access-control-allow-headers']).toMatch(/authorization/i);
      expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
      expect(ok.headers.vary).toMatch(/origin/i);
      const get = await h.http().get('/health/live').set('Origin', 'http://localhost:5173');
      expect(get.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      const other = await h.http().get('/health/live').set('Origin', 'https://console.example.evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
