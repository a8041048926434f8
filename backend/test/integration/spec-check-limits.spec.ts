import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

// The public text check is anonymous: its work per request, and per address, is bounded.
describe('the public text check is bounded', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    // A small anonymous limit so the test reaches it; signed-in buyers get their own, higher, count.
    t = await startTestApp({ SPEC_CHECK_RATE_LIMIT: '3', SPEC_CHECK_RATE_LIMIT_SIGNED_IN: '1000' });
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  it('refuses text over SPEC_CHECK_MAX_CHARS with 413 and says how to go on', async () => {
    const res = await buyer.post('/api/v1/spec-check', { text: 'The supplier must deliver on time. '.repeat(3000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, message: expect.stringMatching(/we check up to 100,000 at a time\. Split it/) });
  });

  it('answers a 100 KB single line within the caps, saying the findings were cut short', async () => {
    const line = 'Must use Microsoft Windows and ISO 9001 and at least 5 years experience. '.repeat(1400).slice(0, 100_000);
    const res = await buyer.post('/api/v1/spec-check', { text: line });
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(true);
    expect(res.body.summary.findingsShown).toBe(500);
    expect(res.body.summary.findings).toBeGreaterThan(500);
    const returned = res.body.requirements.reduce((n: number, r: { findings: unknown[] }) => n + r.findings.length, 0);
    expect(returned).toBe(500);
    // was about 5 MB before findings were capped
    expect(JSON.stringify(res.body).length).toBeLessThan(500_000);
  });

  it('says nothing was cut when every finding fits', async () => {
    const res = await buyer.post('/api/v1/spec-check', { text: 'Supply Dell Latitude laptops.' });
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    expect(res.body.summary.findingsShown).toBe(res.body.summary.findings);
  });

  it('answers 429 with Retry-After once an address has used its anonymous checks, and counts signed-in buyers apart', async () => {
    const anonymous = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await anonymous.post('/api/v1/spec-check', { text: `Requirement ${i}.` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await anonymous.post('/api/v1/spec-check', { text: 'One more.' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.message).toMatch(/the most we allow without signing in/);
    expect((await buyer.post('/api/v1/spec-check', { text: 'Still allowed.' })).status).toBe(200);
  });
});
