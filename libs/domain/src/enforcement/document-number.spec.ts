import {
  documentPrefix,
  formatDocumentNumber,
  formatReferenceNumber,
  SIMPLE_PENALTY_DECISION_CODE,
} from './document-number';

describe('formatDocumentNumber', () => {
  it('formats the agency reference number', () => {
    expect(formatDocumentNumber({ year: 2026, prefix: 'X应急', kind: 'PENALTY_NOTICE', seq: 7 })).toBe(
      '〔2026〕X应急罚告〔0007〕号',
    );
    expect(formatDocumentNumber({ year: 2027, prefix: '锡应急', kind: 'PENALTY_DECISION', seq: 12345 })).toBe(
      '〔2027〕锡应急罚决〔12345〕号',
    );
  });
  it('rejects a bad sequence or kind', () => {
    expect(() => formatDocumentNumber({ year: 2026, prefix: 'X', kind: 'PENALTY_NOTICE', seq: 0 })).toThrow();
    expect(() => formatDocumentNumber({ year: 2026, prefix: 'X', kind: 'NOPE' as never, seq: 1 })).toThrow();
  });
});

describe('formatReferenceNumber and documentPrefix', () => {
  it('numbers the on-the-spot decision form like every other document', () => {
    const prefix = documentPrefix(null, '测试市应急管理局');
    expect(prefix).toBe('测应急');
    expect(formatReferenceNumber({ year: 2026, prefix, code: SIMPLE_PENALTY_DECISION_CODE, seq: 3 })).toBe(
      '〔2026〕测应急简罚〔0003〕号',
    );
    expect(documentPrefix('锡应急', '无锡市应急管理局')).toBe('锡应急');
  });

  it('tells apart the bodies of one county by their kind, unless a prefix is configured', () => {
    expect(documentPrefix(null, '测试县应急管理局', 'EMERGENCY_MANAGEMENT')).toBe('测应急');
    expect(documentPrefix(null, '测试县住房和城乡建设局', 'HOUSING_CONSTRUCTION')).toBe('测住建');
    expect(documentPrefix(null, '测试镇安全生产监督管理所', 'TOWN_SAFETY_OFFICE')).toBe('测安监');
    expect(documentPrefix(null, '测试县某局', 'UNLISTED_KIND')).toBe('测应急');
    expect(documentPrefix('澄住建', '江阴市住房和城乡建设局', 'HOUSING_CONSTRUCTION')).toBe('澄住建');
  });
});
