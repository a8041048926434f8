import { TenderContent, TenderDetail, TenderRevisionSummary } from '@openbrief/contracts';
import { Observable, of, throwError } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/http/app-error';
import { ConflictApi, ConflictResolution } from './conflict-resolution';
import { toContent } from './content-ops';
import { tenderContent, tenderDetail } from './testing/tender-content.fixture';
import { WorkingCopy } from './working-copy';

const stale = new AppError(409, 'Someone saved this tender after you opened it.');

/** The server after Oliver saved revision 4 with a new problem statement. */
function serverWith(detail: TenderDetail, revisions: TenderRevisionSummary[] | Error): ConflictApi {
  return {
    get: () => of(detail),
    revisions: (): Observable<TenderRevisionSummary[]> => (revisions instanceof Error ? throwError(() => revisions) : of(revisions)),
  };
}

describe('ConflictResolution', () => {
  let copy: WorkingCopy;
  let base: TenderContent;
  let mine: TenderContent;
  let theirs: TenderDetail;
  const byOliver: TenderRevisionSummary = {
    revision: 4,
    changedAt: '2027-01-03T10:00:00.000Z',
    changedBy: 'Oliver Reed',
    changedFields: ['The problem'],
  };

  /** Runs each edit the way the store does: on the working copy. */
  const edit = (change: (c: TenderContent) => TenderContent) => copy.working.update((c) => change(c!));

  beforeEach(() => {
    copy = new WorkingCopy();
    copy.id = 'tender-1';
    base = tenderContent();
    copy.meta.set(tenderDetail(base));
    copy.saved.set(base);
    // Priya changed the summary; meanwhile Oliver saved a new problem.
    mine = { ...base, summary: 'Priya’s summary.' };
    copy.working.set(mine);
    theirs = { ...tenderDetail({ ...base, problem: 'Oliver’s problem.' }), revision: 4, updatedAt: '2027-01-03T10:00:00.000Z' };
  });

  it('says who saved first and what they changed, and leaves the buyer’s text alone', async () => {
    const conflicts = new ConflictResolution(copy, serverWith(theirs, [byOliver]), () => 'Priya Shah', edit);

    await conflicts.open(stale, 3);

    expect(conflicts.conflict()).toEqual({
      current: theirs,
      changedBy: 'Oliver Reed',
      byMe: false,
      changedAt: '2027-01-03T10:00:00.000Z',
      changedFields: ['The problem'],
    });
    expect(copy.working()).toBe(mine);
    expect(copy.meta()!.revision).toBe(3);
  });

  it('recognises the buyer’s own save from another tab', async () => {
    const conflicts = new ConflictResolution(
      copy,
      serverWith(theirs, [{ ...byOliver, changedBy: 'Priya Shah' }]),
      () => 'Priya Shah',
      edit,
    );
    await conflicts.open(stale, 3);
    expect(conflicts.conflict()?.byMe).toBe(true);
  });

  it('still opens the conflict when the history cannot be read, dated by the tender', async () => {
    const conflicts = new ConflictResolution(copy, serverWith(theirs, new Error('offline')), () => 'Priya Shah', edit);
    await conflicts.open(stale, 3);
    expect(conflicts.conflict()).toMatchObject({ changedBy: null, byMe: false, changedAt: theirs.updatedAt, changedFields: [] });
  });

  it('treats a 409 with no newer revision as a tender that cannot change: a failure, not a conflict', async () => {
    const unchanged = { ...theirs, revision: 3, status: tenderDetail().status };
    const conflicts = new ConflictResolution(copy, serverWith(unchanged, [byOliver]), () => 'Priya Shah', edit);
    await conflicts.open(stale, 3);
    expect(conflicts.conflict()).toBeNull();
    expect(copy.failure()).toBe(stale);
    expect(copy.meta()).toEqual(unchanged);
  });

  it('reports a failure to read the current version instead of throwing', async () => {
    const api: ConflictApi = { get: () => throwError(() => new Error('offline')), revisions: () => of([]) };
    const conflicts = new ConflictResolution(copy, api, () => 'Priya Shah', edit);
    await conflicts.open(stale, 3);
    expect(conflicts.conflict()).toBeNull();
    expect(copy.failure()).toBeInstanceOf(AppError);
  });

  it('loads their version and lists the buyer’s own edits, each of which can be put back', async () => {
    const conflicts = new ConflictResolution(copy, serverWith(theirs, [byOliver]), () => 'Priya Shah', edit);
    copy.rejected.set([{ fieldId: 'summary', message: 'old refusal' }]);
    await conflicts.open(stale, 3);

    expect(conflicts.loadTheirs()).toBe(true);

    const loaded = toContent(theirs);
    expect(copy.working()).toEqual(loaded);
    expect(copy.saved()).toBe(copy.working());
    expect(copy.meta()!.revision).toBe(4);
    expect(conflicts.conflict()).toBeNull();
    expect(copy.rejected()).toEqual([]);
    expect(conflicts.leftovers().map((c) => [c.key, c.mine, c.theirs])).toEqual([['summary', 'Priya’s summary.', base.summary]]);

    conflicts.applyLeftover(conflicts.leftovers()[0]);
    expect(copy.working()).toEqual({ ...loaded, summary: 'Priya’s summary.' });
    expect(conflicts.leftovers()).toEqual([]);
  });

  it('puts back every edit at once, keeping what the colleague saved', async () => {
    mine = { ...mine, users: 'Priya’s users.' };
    copy.working.set(mine);
    const conflicts = new ConflictResolution(copy, serverWith(theirs, [byOliver]), () => 'Priya Shah', edit);
    await conflicts.open(stale, 3);
    conflicts.loadTheirs();
    expect(conflicts.leftovers().map((c) => c.key)).toEqual(['summary', 'users']);

    conflicts.applyAllLeftovers();

    expect(copy.working()).toMatchObject({ summary: 'Priya’s summary.', users: 'Priya’s users.', problem: 'Oliver’s problem.' });
    expect(conflicts.leftovers()).toEqual([]);
  });

  it('does nothing when asked to load their version without a conflict', () => {
    const conflicts = new ConflictResolution(copy, serverWith(theirs, [byOliver]), () => 'Priya Shah', edit);
    expect(conflicts.loadTheirs()).toBe(false);
    expect(copy.working()).toBe(mine);
    conflicts.dismissLeftovers();
    expect(conflicts.leftovers()).toEqual([]);
  });
});
