import { RequirementKind, RequirementPriority, type RequirementContent, type TenderContent } from '@openbrief/contracts';
import { clampContent } from './clamp-content';

const requirement = (id: string, outcome: string): RequirementContent => ({
  id,
  heading: null,
  kind: RequirementKind.Outcome,
  priority: RequirementPriority.Essential,
  outcome,
  whyItMatters: '',
  measure: { description: '', baseline: null, target: null, unit: null },
  roomForProposals: '',
  justification: null,
});

const lot = (id: string, requirements: RequirementContent[]) => ({ id, title: 'Lot', description: '', estimatedValue: null, evaluationModel: {} as never, requirements });

describe('clampContent', () => {
  it('cuts live text to the columns\u2019 limits', () => {
    const c = clampContent({ title: 'x'.repeat(250), summary: 's'.repeat(2500), problem: '', users: '', workDone: '', constraints: '', location: '', lots: [] } as unknown as TenderContent);
    expect([c.title.length, c.summary.length]).toEqual([200, 2000]);
  });

  it('keeps the first of two items with one id (two replicas added the same one), across lots for requirements', () => {
    const c = clampContent({
      title: '', summary: '', problem: '', users: '', workDone: '', constraints: '', location: '',
      lots: [lot('l1', [requirement('r1', 'first'), requirement('r2', 'two'), requirement('r1', 'again')]), lot('l2', [requirement('r2', 'elsewhere'), requirement('r3', 'three')]), lot('l1', [])],
    } as unknown as TenderContent);
    expect(c.lots.map((l) => [l.id, l.requirements.map((r) => `${r.id}:${r.outcome}`)])).toEqual([
      ['l1', ['r1:first', 'r2:two']],
      ['l2', ['r3:three']],
    ]);
  });
});
