import { RequirementKind } from '@openbrief/contracts';
import { sampleTender } from '../../../test/fixtures/sample-tender';
import { numberLot, numberTender } from './numbering';

describe('requirement numbering', () => {
  it('numbers outcomes by heading group in order, then pass/fail requirements', () => {
    const lot = sampleTender().lots[0];
    const n = numberLot(lot);
    expect(n.groups.map((g) => g.heading)).toEqual([
      'Access and referral',
      'Support and outcomes',
      'Working with partners',
      'Data and reporting',
    ]);
    expect(n.groups.flatMap((g) => g.requirements.map((r) => r.number))).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8']);
    expect(n.mandatory.map((r) => [r.number, r.requirement.kind])).toEqual([
      ['1.9', RequirementKind.Mandatory],
      ['1.10', RequirementKind.Mandatory],
      ['1.11', RequirementKind.Mandatory],
    ]);
  });

  it('gathers a heading used twice into one group, in order of first appearance', () => {
    const lot = sampleTender().lots[0];
    lot.requirements[4].heading = 'Access and referral';
    const n = numberLot(lot);
    expect(n.groups[0].requirements.map((r) => r.requirement.id)).toEqual(['r1-access-1', 'r1-access-2', 'r1-access-3', 'r1-support-2']);
  });

  it('maps requirement ids to printed numbers across lots', () => {
    const { byId } = numberTender(sampleTender());
    expect(byId.get('r2-int-1')).toBe('2.4');
    expect(byId.get('r1-m-1')).toBe('1.9');
  });
});
