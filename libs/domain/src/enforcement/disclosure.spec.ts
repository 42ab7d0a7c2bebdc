import { maskPersonalData, maskPersonName } from './disclosure';

describe('maskPersonName', () => {
  it('keeps the surname only', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳修文')).toBe('欧***');
    expect(maskPersonName('李')).toBe('*');
    expect(maskPersonName('  ')).toBe('');
  });
});

describe('maskPersonalData', () => {
  it('masks 18- and 15-digit ID numbers', () => {
    expect(maskPersonalData('身份证号32020219800101123X。')).toBe('身份证号320202************。');
    expect(maskPersonalData('旧证320202800101123')).toBe('旧证320202*********');
  });
  it('masks mobile numbers with or without +86 and separators, and landlines', () => {
    expect(maskPersonalData('电话13900001111')).toBe('电话139********');
    expect(maskPersonalData('电话+86 139-0000-1111')).toBe('电话139********');
    expect(maskPersonalData('座机0510-82345678')).toBe('座机0510-********');
  });
  it('masks the given names, longest first', () => {
    expect(maskPersonalData('负责人王小明与王小签字', ['王小', '王小明'])).toBe('负责人王**与王*签字');
  });
  it('leaves other digits alone', () => {
    expect(maskPersonalData('罚款10000元，第12号')).toBe('罚款10000元，第12号');
  });
});
