import { escapeHtml, renderDocument } from './templates';

describe('document templates', () => {
  it('escapes every interpolated value', () => {
    const html = renderDocument({
      kind: 'PENALTY_NOTICE',
      number: '〔2026〕X应急罚告〔0001〕号',
      issuedOn: '2026-11-23',
      departmentName: '<b>局</b>',
      caseTitle: 't',
      caseReference: null,
      party: { name: '<script>alert(1)</script>', creditCode: null },
      data: {
        facts: '"><img src=x onerror=alert(1)>',
        legalBasis: "a'b",
        measures: ['FINE'],
        fineYuan: 10000,
        statementDays: 3,
        hearingEligible: false,
      },
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;局&lt;/b&gt;');
    expect(html).toContain('a&#39;b');
    expect(html).toContain('罚款人民币10,000.00 元');
    expect(html).not.toContain('听证');
  });
  it('mentions the hearing right only when eligible', () => {
    const html = renderDocument({
      kind: 'PENALTY_NOTICE',
      number: 'n',
      issuedOn: 'd',
      departmentName: 'x',
      caseTitle: null,
      caseReference: null,
      party: null,
      data: {
        facts: 'f',
        legalBasis: 'b',
        measures: ['FINE'],
        fineYuan: 50000,
        statementDays: 3,
        hearingEligible: true,
        hearingRequestDays: 5,
      },
    });
    expect(html).toContain('要求举行听证');
  });
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
