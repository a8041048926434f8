import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSRF_COOKIE, CSRF_HEADER } from '@openbrief/contracts';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

describe('importing an existing specification', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  const upload = (name: string, content: Buffer) =>
    buyer
      .raw()
      .post('/api/v1/tenders/import/file')
      .set('Cookie', buyer.cookieHeader())
      .set(CSRF_HEADER, buyer.cookies.get(CSRF_COOKIE)!)
      .attach('file', content, name);

  it('splits a Word document into draft requirements under their headings', async () => {
    const res = await upload('fleet.docx', readFileSync(join(__dirname, '../fixtures/specification.docx')));
    expect(res.status).toBe(200);
    expect(res.body.requirements).toEqual([
      { outcome: 'The supplier shall provide 20 Ford Transit vans.', heading: 'Vehicle fleet' },
      { outcome: 'Vans must be available 98% of working days.', heading: 'Vehicle fleet' },
      { outcome: 'Chargers must work with vehicles from any maker & be accessible.', heading: 'Charging' },
    ]);
  });

  it('splits Markdown: headings group, list markers go', async () => {
    const md = '# Service\n\n- Answer calls within 30 seconds.\n2. Resolve 80% of queries first time.\n\n## Data\nKeep records for 7 years.\n';
    const res = await upload('spec.md', Buffer.from(md));
    expect(res.body.requirements).toEqual([
      { outcome: 'Answer calls within 30 seconds.', heading: 'Service' },
      { outcome: 'Resolve 80% of queries first time.', heading: 'Service' },
      { outcome: 'Keep records for 7 years.', heading: 'Data' },
    ]);
  });

  it('splits pasted text', async () => {
    const res = await buyer.post('/api/v1/tenders/import/text', { text: 'One.\n\n  Two.  ' });
    expect(res.body.requirements).toEqual([
      { outcome: 'One.', heading: null },
      { outcome: 'Two.', heading: null },
    ]);
  });

  it.each([
    ['a file of another kind', 'spec.pdf', Buffer.from('%PDF-1.4'), 400, /Upload a Word \(.docx\), Markdown \(.md\) or text \(.txt\) file/],
    ['a broken Word file', 'broken.docx', Buffer.from('not a zip'), 400, /could not be read as a Word document/],
    ['binary data named .txt', 'x.txt', Buffer.from([0, 1, 2, 0]), 400, /not plain text/],
    ['a file over 5 MB', 'big.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), 413, /too large/i],
  ])('refuses %s clearly', async (_, name, content, status, message) => {
    const res = await upload(name, content);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
  });

  it('refuses a request with no file', async () => {
    const res = await buyer.post('/api/v1/tenders/import/file', {});
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/Choose a file/);
  });
});
