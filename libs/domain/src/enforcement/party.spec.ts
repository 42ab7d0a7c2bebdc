import { caseParty } from './party';

describe('caseParty', () => {
  const enterprise = { name: '测试化工有限公司', creditCode: '91320200MA1XXXXXX0', principalName: '王某' };

  it('is the enterprise for an ordinary case', () => {
    expect(caseParty({}, enterprise)).toEqual({
      type: 'ORGANISATION',
      name: '测试化工有限公司',
      creditCode: '91320200MA1XXXXXX0',
      position: null,
    });
  });

  it("is the principal, as an individual, for a case against the enterprise's principal", () => {
    expect(caseParty({ subject: 'PRINCIPAL' }, enterprise)).toEqual({
      type: 'INDIVIDUAL',
      name: '王某',
      creditCode: null,
      position: '测试化工有限公司主要负责人',
    });
    expect(caseParty({ subject: 'PRINCIPAL' }, { ...enterprise, principalName: ' ' }).name).toBe('主要负责人');
  });

  it('is an unnamed individual when the case names no enterprise', () => {
    expect(caseParty(null, null)).toMatchObject({ type: 'INDIVIDUAL', creditCode: null });
  });
});
