import { DEFAULT_PROCEDURE_POLICY, procedurePolicy } from './procedure-policy';

describe('procedurePolicy', () => {
  it('defaults to the statute', () => {
    expect(procedurePolicy()).toEqual(DEFAULT_PROCEDURE_POLICY);
    expect(procedurePolicy().statementDefenceWorkingDays).toBe(3);
  });
  it('accepts changes in the party’s favour and rejects the rest', () => {
    expect(procedurePolicy({ statementDefenceWorkingDays: 5 }).statementDefenceWorkingDays).toBe(5);
    expect(() => procedurePolicy({ statementDefenceWorkingDays: 6 })).toThrow(/statementDefenceWorkingDays/);
    expect(() => procedurePolicy({ reconsiderationDays: 30 })).toThrow(/reconsiderationDays/);
    expect(() => procedurePolicy({ courtApplicationMonths: 4 })).toThrow(/courtApplicationMonths/);
    expect(() => procedurePolicy({ disclosureWorkingDays: 8 })).toThrow(/disclosureWorkingDays/);
  });
  it('rejects unknown fields and a bad prefix', () => {
    expect(() => procedurePolicy({ foo: 1 })).toThrow(/Unknown policy field foo/);
    expect(() => procedurePolicy({ documentPrefix: '<b>' })).toThrow(/documentPrefix/);
    expect(procedurePolicy({ documentPrefix: 'X应急' }).documentPrefix).toBe('X应急');
  });
});
