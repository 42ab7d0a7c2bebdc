import { DomainError } from '../errors';
import { AccidentFigures, compareGrades, gradeAccident, investigatingLevel, upwardReportCeiling } from './grading';

const f = (p: Partial<AccidentFigures>): AccidentFigures => ({
  deaths: 0,
  seriousInjuries: 0,
  directLossYuan: 0,
  ...p,
});

describe('gradeAccident (条例 Art.3: 以上 includes, 以下 excludes)', () => {
  it.each([
    [0, 'GENERAL'],
    [2, 'GENERAL'],
    [3, 'LARGER'],
    [9, 'LARGER'],
    [10, 'MAJOR'],
    [29, 'MAJOR'],
    [30, 'EXTRAORDINARY'],
    [31, 'EXTRAORDINARY'],
  ])('%i deaths → %s', (deaths, grade) => {
    expect(gradeAccident(f({ deaths }))).toBe(grade);
  });

  it.each([
    [9, 'GENERAL'],
    [10, 'LARGER'],
    [49, 'LARGER'],
    [50, 'MAJOR'],
    [99, 'MAJOR'],
    [100, 'EXTRAORDINARY'],
  ])('%i serious injuries → %s', (seriousInjuries, grade) => {
    expect(gradeAccident(f({ seriousInjuries }))).toBe(grade);
  });

  it.each([
    [9_999_999.99, 'GENERAL'],
    [10_000_000, 'LARGER'],
    [49_999_999.99, 'LARGER'],
    [50_000_000, 'MAJOR'],
    [99_999_999.99, 'MAJOR'],
    [100_000_000, 'EXTRAORDINARY'],
  ])('direct loss %d yuan → %s', (directLossYuan, grade) => {
    expect(gradeAccident(f({ directLossYuan }))).toBe(grade);
  });

  it('takes the highest grade any single criterion triggers', () => {
    expect(gradeAccident({ deaths: 2, seriousInjuries: 50, directLossYuan: 0 })).toBe('MAJOR');
    expect(gradeAccident({ deaths: 2, seriousInjuries: 9, directLossYuan: 100_000_000 })).toBe('EXTRAORDINARY');
    expect(gradeAccident({ deaths: 3, seriousInjuries: 0, directLossYuan: 9_999_999 })).toBe('LARGER');
    expect(gradeAccident({ deaths: 29, seriousInjuries: 99, directLossYuan: 99_999_999 })).toBe('MAJOR');
  });

  it.each([
    { deaths: -1 },
    { deaths: 1.5 },
    { seriousInjuries: Number.NaN },
    { directLossYuan: -1 },
    { directLossYuan: Infinity },
  ])('rejects %p', (p) => {
    expect(() => gradeAccident(f(p))).toThrow(DomainError);
  });
});

describe('grade consequences', () => {
  it('investigatingLevel follows 条例 Art.19', () => {
    expect(investigatingLevel('GENERAL')).toBe('COUNTY');
    expect(investigatingLevel('LARGER')).toBe('CITY');
    expect(investigatingLevel('MAJOR')).toBe('PROVINCE');
    expect(investigatingLevel('EXTRAORDINARY')).toBe('STATE_COUNCIL');
  });

  it('upwardReportCeiling follows 条例 Art.10', () => {
    expect(upwardReportCeiling('GENERAL')).toBe('CITY');
    expect(upwardReportCeiling('LARGER')).toBe('PROVINCE');
    expect(upwardReportCeiling('MAJOR')).toBe('STATE');
    expect(upwardReportCeiling('EXTRAORDINARY')).toBe('STATE');
  });

  it('orders grades', () => {
    expect(compareGrades('MAJOR', 'LARGER')).toBeGreaterThan(0);
    expect(compareGrades('GENERAL', 'EXTRAORDINARY')).toBeLessThan(0);
    expect(compareGrades('LARGER', 'LARGER')).toBe(0);
  });
});
