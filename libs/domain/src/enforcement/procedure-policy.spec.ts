import { DEFAULT_PROCEDURE_POLICY, mergePolicyLayers, procedurePolicy } from './procedure-policy';

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

describe('mergePolicyLayers', () => {
  const layers: Record<string, Record<string, unknown>> = {
    province: { creditRepairMinListedDays: 300, documentPrefix: '苏应急' },
    city: { creditRepairMinListedDays: 200, reconsiderationDays: 90, documentPrefix: '锡应急' },
    county: { reconsiderationDays: 70 },
  };
  const chain = ['county', 'city', 'province'];

  it('applies the levels above nearest last, then the department’s own values', () => {
    expect(mergePolicyLayers(chain, (id) => layers[id])).toEqual({
      creditRepairMinListedDays: 200,
      reconsiderationDays: 70,
    });
  });

  it('takes the document prefix only from the department itself', () => {
    expect(mergePolicyLayers(chain, (id) => layers[id]).documentPrefix).toBeUndefined();
    expect(mergePolicyLayers(['city', 'province'], (id) => layers[id]).documentPrefix).toBe('锡应急');
    expect(mergePolicyLayers([], (id) => layers[id])).toEqual({});
  });
});
