import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { awardRelease, type OcdsRelease, releasePackage, tenderRelease } from '../src';
import { codesOf, parseCsv } from '../validation/csv';
import { mergePatch } from '../validation/merge-patch';
import { codelists, extendedReleaseSchema, ocdsValidator, SCHEMA_DIR } from '../validation/validator';
import { award, context, META, record } from './fixtures';

const validator = ocdsValidator();
/** The tests reach into releases to break them on purpose, whatever their type says. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const good = () => {
  const r = record(1);
  return tenderRelease(r, context(r));
};
/** A deep copy to break. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const problems = (release: unknown) => validator.validateRelease(release);

describe('the validator is not vacuous: broken releases fail', () => {
  it('passes the good release it is compared with', () => expect(problems(good())).toEqual([]));

  it.each<[string, (r: Loose) => void, RegExp]>([
    ['no ocid', (r) => delete r['ocid'], /ocid/],
    ['a date that is not a date-time', (r) => (r['date'] = '2 March 2026'), /date-time/],
    ['a tag outside the closed releaseTag codelist', (r) => (r['tag'] = ['tenderNotice']), /releaseTag\.csv/],
    ['a tender status outside the closed codelist', (r) => (r['tender']['status'] = 'open'), /tenderStatus\.csv/],
    ['a procurement method outside the closed method codelist', (r) => (r['tender']['procurementMethod'] = 'competitive'), /method\.csv/],
    ['a currency that is not ISO 4217', (r) => (r['tender']['value']['currency'] = 'GBX'), /currency\.csv/],
    ['a lot without an id (lots extension)', (r) => delete r['tender']['lots'][0]['id'], /lots\/0/],
    [
      'a criterion weight outside the closed criterionWeight codelist (awardCriteria extension)',
      (r) => (r['tender']['lots'][0]['awardCriteria']['criteria'][0]['numbers'][0]['weight'] = 'percent'),
      /criterionWeight\.csv/,
    ],
    [
      'an empty criteria list (awardCriteria extension: minItems 1)',
      (r) => (r['tender']['lots'][0]['awardCriteria']['criteria'] = []),
      /criteria/,
    ],
    [
      'a noLotsDivisionRationale that is not text (UK profile)',
      (r) => (r['tender']['lotDetails'] = { noLotsDivisionRationale: 3 }),
      /noLotsDivisionRationale/,
    ],
    [
      'a noEngagementNoticeRationale that is not text (UK profile)',
      (r) => (r['planning']['noEngagementNoticeRationale'] = true),
      /noEngagementNoticeRationale/,
    ],
    ['a document without an id', (r) => delete r['tender']['documents'][0]['id'], /documents\/0/],
    ['a pack URL that is not a URI', (r) => (r['tender']['documents'][1]['url'] = 'not a url'), /uri/],
  ])('%s', (_, breakIt, where) => {
    const release = copy(good()) as Loose;
    breakIt(release);
    const found = problems(release);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((p) => `${p.path} ${p.message}`).join('\n')).toMatch(where);
  });

  it('checks the award extensions too: a standstill that is not a period, a statistic without a value, a bad award status', () => {
    const release = copy(awardRelease(record(1).ocid, award())) as unknown as Loose;
    release['awards'][0]['standstillPeriod'] = { startDate: 'tomorrow' };
    release['awards'][0]['status'] = 'awarded';
    delete release['bids']['statistics'][0]['value'];
    const found = problems(release)
      .map((p) => `${p.path} ${p.message}`)
      .join('\n');
    expect(found).toMatch(/standstillPeriod\/startDate/);
    expect(found).toMatch(/awardStatus\.csv/);
    expect(found).toMatch(/statistics\/0.*value/);
  });

  it('closed codelists are checked against their CSV as well as the enum', () => {
    const release = copy(good()) as OcdsRelease;
    (release.tag as string[]) = ['notATag'];
    const found = problems(release).map((p) => p.message);
    expect(found.some((m) => m.startsWith('"notATag" is not a code of the closed codelist releaseTag.csv'))).toBe(true);
    expect(found.some((m) => /allowed values/.test(m))).toBe(true);
    // Open codelists accept other codes: documentType is open.
    const open = copy(good());
    open.tender!.documents![0].documentType = 'somethingLocal';
    expect(problems(open)).toEqual([]);
  });

  it('a broken package fails: no publisher, an extension URL that is not a URI, no releases', () => {
    const pkg = copy(releasePackage([good()], META)) as unknown as Record<string, unknown>;
    delete pkg['publisher'];
    pkg['extensions'] = ['lots'];
    expect(
      validator
        .validateReleasePackage(pkg)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/publisher[\s\S]*uri/);
    expect(validator.validateReleasePackage({ ...releasePackage([good()], META), releases: [] }).length).toBeGreaterThan(0);
    expect(
      validator
        .validateRecordPackage({ ...releasePackage([good()], META) })
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/records/);
  });
});

describe('the extended schema', () => {
  it('applies each extension as a JSON Merge Patch', () => {
    const { schema, stubbed } = extendedReleaseSchema();
    const defs = schema['definitions'] as Record<string, { properties: Record<string, unknown> }>;
    expect(Object.keys(defs['Tender'].properties)).toEqual(expect.arrayContaining(['lots', 'lotDetails', 'lotGroups']));
    expect(Object.keys((defs['Tender'].properties['lotDetails'] as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['maximumLotsBidPerSupplier', 'noLotsDivisionRationale']),
    );
    expect(Object.keys(defs['Lot'].properties)).toContain('awardCriteria');
    expect(Object.keys(defs['Award'].properties)).toEqual(
      expect.arrayContaining(['relatedLots', 'relatedBids', 'standstillPeriod', 'assessmentSummariesDateSent']),
    );
    expect(Object.keys(schema['properties'] as object)).toContain('bids');
    expect(Object.keys(defs['Planning'].properties)).toContain('noEngagementNoticeRationale');
    expect(stubbed).toEqual(['Location', 'SubmissionTerms']);
  });

  it('merges as RFC 7386 says (its appendix A examples)', () => {
    expect(mergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: 'b', b: 'c' }, { a: null })).toEqual({ b: 'c' });
    expect(mergePatch({ a: ['b'] }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'c' }, { a: ['b'] })).toEqual({ a: ['b'] });
    expect(mergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch(['a', 'b'], ['c', 'd'])).toEqual(['c', 'd']);
    expect(mergePatch({ a: 'b' }, ['c'])).toEqual(['c']);
    expect(mergePatch({ a: 'foo' }, null)).toBeNull();
    expect(mergePatch({ a: 'foo' }, 'bar')).toBe('bar');
    expect(mergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(mergePatch([1, 2], { a: 'b', c: null })).toEqual({ a: 'b' });
    expect(mergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
  });

  it('reads codelists: quoted fields, + additions from extensions', () => {
    expect(parseCsv('Code,Title\na,"x, ""y""\nz"\r\nb,c\n')).toEqual([
      ['Code', 'Title'],
      ['a', 'x, "y"\nz'],
      ['b', 'c'],
    ]);
    expect(codesOf('Category,Code,Title\nbids,bids,Bids\n')).toEqual(['bids']);
    const lists = codelists();
    expect([...lists.get('partyRole.csv')!]).toEqual(expect.arrayContaining(['buyer', 'supplier', 'removedSupplier']));
    expect([...lists.get('documentType.csv')!]).toContain('marketEngagementNotice');
    expect([...lists.get('criterionWeight.csv')!]).toContain('percentageExact');
  });
});

describe('the vendored schema files', () => {
  const table = new Map(
    [...readFileSync(join(SCHEMA_DIR, 'README.md'), 'utf8').matchAll(/^\| `([^`]+)` \| .* \| `([0-9a-f]{64})` \|$/gm)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

  it('are byte-identical to the copies listed in schema/README.md, and every file is listed', () => {
    const found = files(SCHEMA_DIR)
      .map((f) => relative(SCHEMA_DIR, f))
      .filter((f) => f !== 'README.md')
      .sort();
    expect(found).toEqual([...table.keys()].sort());
    for (const f of found)
      expect([
        f,
        createHash('sha256')
          .update(readFileSync(join(SCHEMA_DIR, f)))
          .digest('hex'),
      ]).toEqual([f, table.get(f)]);
  });
});
