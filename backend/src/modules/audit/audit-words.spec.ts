import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeAudit } from './audit-words';

/** Every `readonly action = '…'` of a domain event in the backend's source. */
function eventActions(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...eventActions(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/readonly action = '([a-z.-]+)'/g)) found.push(m[1]!);
    }
  }
  return found;
}

describe('audit words', () => {
  const actions = [...new Set(eventActions(join(__dirname, '..', '..')))];

  it('finds the events it is meant to describe', () => {
    expect(actions).toEqual(expect.arrayContaining(['tender.published', 'evaluation.consensus-recorded', 'award.decided']));
  });

  it.each(actions)('describes %s in words rather than by its name', (action) => {
    expect(describeAudit(action, '{}')).not.toBe(action.replace(/[.-]/g, ' '));
  });

  it('says what an evaluation did without naming who was scored', () => {
    const declared = JSON.stringify({ declarations: [{ conflict: true }, { conflict: false }, { conflict: false }] });
    expect(describeAudit('evaluation.conflicts-declared', declared)).toBe('declared a conflict of interest with 1 bidder (of 3)');
    expect(describeAudit('evaluation.consensus-recorded', JSON.stringify({ score: 3, previous: 2 }))).toBe(
      'revised a consensus score from 2 to 3',
    );
    expect(describeAudit('award.notice-published', JSON.stringify({ standstillLastDay: '2027-04-07' }))).toBe(
      'published the contract award notice; the standstill runs to the end of 2027-04-07',
    );
  });
});
