import { escapeHtml, renderDocument } from './templates';

describe('document templates', () => {
  it('names a principal held to account as the party, with the enterprise and position instead of a credit code', () => {
    const context = {
      number: 'n',
      issuedOn: '2026-12-03',
      departmentName: '测试县应急管理局',
      caseTitle: '事故瞒报行政处罚：主要负责人',
      caseReference: null,
      party: { name: '王某', creditCode: null, position: '测试化工有限公司主要负责人' },
    };
    const filing = renderDocument({ ...context, kind: 'FILING_APPROVAL_FORM', data: { source: 'ACCIDENT' } });
    expect(filing).toContain('<tr><th>案件来源</th><td>事故调查</td></tr>');
    expect(filing).toContain('<tr><th>当事人</th><td>王某</td></tr>');
    expect(filing).toContain('<tr><th>单位及职务</th><td>测试化工有限公司主要负责人</td></tr>');
    expect(filing).not.toContain('统一社会信用代码');
    const decision = renderDocument({
      ...context,
      kind: 'PENALTY_DECISION',
      data: { facts: 'f', legalBasis: 'b', measures: ['FINE'], fineYuan: 30000, decisionDate: '2026-12-03' },
    });
    expect(decision).toContain('当事人：王某，单位及职务：测试化工有限公司主要负责人');
  });
  it('names a complaint as the source of a case opened from one', () => {
    const filing = renderDocument({
      kind: 'FILING_APPROVAL_FORM',
      number: 'n',
      issuedOn: '2026-12-03',
      departmentName: '测试县应急管理局',
      caseTitle: '投诉举报立案查处',
      caseReference: null,
      party: { name: '测试企业', creditCode: '91320000000000000X' },
      data: { source: 'COMPLAINT' },
    });
    expect(filing).toContain('<tr><th>案件来源</th><td>投诉举报</td></tr>');
  });
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
