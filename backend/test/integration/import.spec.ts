import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSRF_COOKIE, CSRF_HEADER } from '@openbrief/contracts';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { docx, manyEntries, paragraphBomb, textBomb, zip } from '../support/zip-writer';

/** Posts a file to the import route as `buyer`, with its session and CSRF token. */
const uploadAs = (buyer: TestClient, name: string, content: Buffer) =>
  buyer
    .raw()
    .post('/api/v1/tenders/import/file')
    .set('Cookie', buyer.cookieHeader())
    .set(CSRF_HEADER, buyer.cookies.get(CSRF_COOKIE)!)
    .attach('file', content, name);

/** For one describe block: an app with these worker settings, the demo buyer signed in, and an upload of a .docx. */
function withWorkerSettings(env: Record<string, string>) {
  const ctx = {} as { t: TestApp; upload: (content: Buffer) => ReturnType<typeof uploadAs> };
  beforeAll(async () => {
    ctx.t = await startTestApp(env);
    const buyer = ctx.t.client();
    await buyer.signIn('buyer@demo.test');
    ctx.upload = (content) => uploadAs(buyer, 'spec.docx', content);
  });
  afterAll(() => ctx.t.close());
  return ctx;
}

describe('importing an existing specification', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  const upload = (name: string, content: Buffer) => uploadAs(buyer, name, content);

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
    const md =
      '# Service\n\n- Answer calls within 30 seconds.\n2. Resolve 80% of queries first time.\n\n## Data\nKeep records for 7 years.\n';
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
    ['a broken Word file (not a zip at all)', 'broken.docx', Buffer.from('not a zip'), 422, /could not be read as a Word document/],
    ['binary data named .txt', 'x.txt', Buffer.from([0, 1, 2, 0]), 400, /not plain text/],
    ['a file over 5 MB', 'big.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), 413, /That file is too large to upload/],
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

  it('refuses a form that is not one file in the field "file", or cannot be read, with a 4xx in the error shape', async () => {
    const post = () =>
      buyer.raw().post('/api/v1/tenders/import/file').set('Cookie', buyer.cookieHeader()).set(CSRF_HEADER, buyer.cookies.get(CSRF_COOKIE)!);
    const elsewhere = await post().attach('document', Buffer.from('Provide a service.'), 'spec.txt');
    expect([elsewhere.status, elsewhere.body.message]).toEqual([400, 'Send one file, in the form field "file".']);
    const two = await post().attach('file', Buffer.from('One.'), 'a.txt').attach('file', Buffer.from('Two.'), 'b.txt');
    expect([413, 400]).toContain(two.status);
    expect(two.body).toMatchObject({ statusCode: two.status, message: expect.stringMatching(/one file/) });
    const garbled = await post().set('Content-Type', 'multipart/form-data; boundary=xyz').send('--xyz\r\nnot a part header\r\n');
    expect(garbled.status).toBe(400);
    expect(garbled.body.message).toMatch(/could not be read/);
  });

  describe('archives that would expand past the limits (read from the central directory, before parsing)', () => {
    it.each([
      // 30 MB of one letter deflates to a few tens of kilobytes
      ['a small file that unpacks to 30 MB', () => textBomb(30), 413, /unpacks to more than 20 MB/],
      ['a zip of 1,500 tiny entries', () => manyEntries(1500), 422, /more than 1,000 parts/],
      // declares 1 KB for a body that really inflates to about 11 MB: yauzl stops it at the declared size
      [
        'a zip whose central directory lies about the body size',
        () => paragraphBomb(200_000, { declaredSize: 1000 }),
        422,
        /do not match its own index/,
      ],
      ['a body of 30,000 paragraphs', () => paragraphBomb(30_000), 422, /more than 5,000 paragraphs/],
      [
        'a zip with no Word body in it',
        () => zip([{ name: 'readme.txt', data: Buffer.from('Hello') }]),
        422,
        /could not be read as a Word document/,
      ],
    ])('refuses %s', async (_, build, status, message) => {
      const res = await upload('bomb.docx', build());
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, message: expect.stringMatching(message) });
    });

    it('refuses more requirements than allowed after parsing too (the count the buyer would get)', async () => {
      const res = await upload('long.txt', Buffer.from(Array.from({ length: 5001 }, (_, i) => `Requirement ${i}.`).join('\n')));
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/more than 5,000 paragraphs/);
    });

    it('refuses more requirement text than one answer may carry, even within the paragraph limit', async () => {
      // 1,000 paragraphs of 1,500 characters: 1.5 million characters, over the 1,000,000 default
      const long = 'The service must let residents report a missed bin collection online. '.repeat(22).slice(0, 1500);
      const res = await upload('long.txt', Buffer.from(Array.from({ length: 1000 }, (_, i) => `${i} ${long}`).join('\n')));
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/more than 1,000,000 characters of requirements/);
    });
  });

  it('keeps answering health checks while a large allowed document is parsed in a worker', async () => {
    const paragraphs = Array.from(
      { length: 4000 },
      (_, i) => `Requirement ${i}: the supplier must keep the service available 99.9% of each month and report it.`,
    );
    let done = false;
    const importing = upload('large.docx', docx(paragraphs)).then((res) => {
      done = true;
      return res;
    });
    const health: number[] = [];
    // Poll until the import answers: every health check in that time must be answered.
    do health.push((await t.client().get('/api/health')).status);
    while (!done);
    const res = await importing;
    expect(res.status).toBe(200);
    expect(res.body.requirements).toHaveLength(4000);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
  });
});

describe('importing with tight worker limits', () => {
  // The shortest time limit the settings allow: reading thousands of paragraphs takes mammoth far longer on any machine.
  const app = withWorkerSettings({ WORKER_TIMEOUT_MS: '100', WORKER_THREADS: '1', WORKER_QUEUE: '0' });

  it('stops a parse that runs past WORKER_TIMEOUT_MS and says so', async () => {
    // 4,900 paragraphs: within every size limit, so only the time limit can refuse it (on a fast machine too).
    const res = await app.upload(docx(Array.from({ length: 4_900 }, (_, i) => `Requirement ${i}.`)));
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/took too long to read/);
    // the pool still works afterwards
    expect((await app.t.client().get('/api/health')).status).toBe(200);
  });
});

describe('importing when every worker is busy', () => {
  const app = withWorkerSettings({ WORKER_TIMEOUT_MS: '1500', WORKER_THREADS: '1', WORKER_QUEUE: '0' });

  it('answers 429 with Retry-After when every worker is busy and no task may wait', async () => {
    // each parse holds the only thread for seconds (until its 1.5 s limit), so the others find it busy
    const big = docx(Array.from({ length: 20_000 }, (_, i) => `Requirement ${i}.`));
    const answers = await Promise.all([app.upload(big), app.upload(big), app.upload(big), app.upload(big)]);
    const busy = answers.filter((r) => r.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0].headers['retry-after']).toBe('5');
    expect(busy[0].body.message).toMatch(/busy/);
    expect(answers.every((r) => r.status === 429 || r.status === 422)).toBe(true);
  });
});
