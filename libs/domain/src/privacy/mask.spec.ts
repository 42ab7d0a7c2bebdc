import { maskIdNumber, maskPersonName, maskPhone } from './mask';

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
  it('masks personal names keeping the first character', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
    expect(maskPersonName('王')).toBe('*');
    expect(maskPersonName(undefined)).toBeNull();
  });
});
