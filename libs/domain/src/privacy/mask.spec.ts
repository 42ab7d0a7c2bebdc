import { maskIdNumber, maskPersonalData, maskPersonName, maskPhone } from './mask';

describe('personal data masking', () => {
  it('masks mobile phones keeping the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone(null)).toBeNull();
  });
  it('masks ID numbers keeping region and last 4', () => {
    expect(maskIdNumber('32028119800101123X')).toBe('320281********123X');
    expect(maskIdNumber('short')).toBe('*****');
    expect(maskIdNumber('')).toBeNull();
  });
});

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

describe('maskPersonalData on an accident report text', () => {
  it('leaves no name, mobile or ID number readable', () => {
    const t = maskPersonalData('张三（身份证110101199003071234，电话13812345678，0510-82345678）与张三丰', [
      '张三',
      '张三丰',
    ]);
    expect(t).toBe('张*（身份证110101************，电话138********，0510-********）与张**');
    expect(t).not.toMatch(/13812345678|199003071234|张三/);
  });
});
