import { reportingConsequences } from './reporting-violations';

describe('reportingConsequences (条例 Art.35, 36, 39)', () => {
  it('迟报 and 漏报 reach the principal only; 谎报 and 瞒报 the enterprise too', () => {
    expect(reportingConsequences('LATE', { hasEnterprise: true, officials: 0 }).map((c) => c.target)).toEqual([
      'PRINCIPAL',
    ]);
    expect(reportingConsequences('OMITTED', { hasEnterprise: true, officials: 0 }).map((c) => c.target)).toEqual([
      'PRINCIPAL',
    ]);
    expect(reportingConsequences('CONCEALED', { hasEnterprise: true, officials: 0 }).map((c) => c.target)).toEqual([
      'PRINCIPAL',
      'ENTERPRISE',
    ]);
    expect(reportingConsequences('FALSE_REPORT', { hasEnterprise: true, officials: 0 })[1].legalBasis).toContain(
      'Art.36',
    );
  });

  it('each named official is referred; no enterprise, no penalty case', () => {
    const out = reportingConsequences('CONCEALED', { hasEnterprise: false, officials: 2 });
    expect(out).toEqual([
      expect.objectContaining({ target: 'OFFICIAL', officialIndex: 0 }),
      expect.objectContaining({ target: 'OFFICIAL', officialIndex: 1 }),
    ]);
  });
});
