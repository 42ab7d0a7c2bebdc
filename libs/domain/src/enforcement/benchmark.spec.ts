import { DomainError, ErrorCode } from '../errors';
import { DiscretionBenchmark, checkFineAgainstBenchmark, validateDiscretionBenchmark } from './benchmark';

const benchmark = (): DiscretionBenchmark => ({
  id: 'test-2026',
  jurisdiction: '320200',
  effectiveFrom: '2026-01-01',
  source: 'test fixture',
  entries: [
    {
      violationType: 'SPL-97-3',
      legalBasis: '安全生产法 Art.97(3)',
      statutoryRange: { minYuan: 0, maxYuan: 100_000 },
      ranges: {
        LENIENT: { minYuan: 10_000, maxYuan: 30_000 },
        ORDINARY: { minYuan: 30_000, maxYuan: 70_000 },
        SEVERE: { minYuan: 70_000, maxYuan: 100_000 },
      },
    },
  ],
});

const errorOf = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected an error');
};

describe('discretion benchmark (行政处罚法 Art.34)', () => {
  it('accepts fines inside the range, boundaries included', () => {
    const b = validateDiscretionBenchmark(benchmark());
    expect(
      checkFineAgainstBenchmark(b, { violationType: 'SPL-97-3', circumstance: 'LENIENT', fineYuan: 10_000 }),
    ).toEqual({
      minYuan: 10_000,
      maxYuan: 30_000,
    });
    expect(
      checkFineAgainstBenchmark(b, { violationType: 'SPL-97-3', circumstance: 'LENIENT', fineYuan: 30_000 }).maxYuan,
    ).toBe(30_000);
    expect(
      checkFineAgainstBenchmark(b, { violationType: 'SPL-97-3', circumstance: 'SEVERE', fineYuan: 100_000 }).minYuan,
    ).toBe(70_000);
  });

  it.each([
    ['LENIENT', 9_999.99],
    ['LENIENT', 30_000.01],
    ['ORDINARY', 29_999],
    ['SEVERE', 100_000.01],
  ] as const)('throws OUT_OF_RANGE for %s %d', (circumstance, fineYuan) => {
    const e = errorOf(() =>
      checkFineAgainstBenchmark(benchmark(), { violationType: 'SPL-97-3', circumstance, fineYuan }),
    );
    expect(e.code).toBe(ErrorCode.OUT_OF_RANGE);
    expect(e.details).toMatchObject({ circumstance, fineYuan });
  });

  it('throws RULE_VIOLATION for an unknown violation type', () => {
    expect(
      errorOf(() =>
        checkFineAgainstBenchmark(benchmark(), { violationType: 'X', circumstance: 'ORDINARY', fineYuan: 1 }),
      ).code,
    ).toBe(ErrorCode.RULE_VIOLATION);
  });

  it('validates the benchmark', () => {
    const inverted = benchmark();
    inverted.entries[0].ranges.ORDINARY = { minYuan: 70_000, maxYuan: 30_000 };
    expect(errorOf(() => validateDiscretionBenchmark(inverted)).code).toBe(ErrorCode.VALIDATION_FAILED);

    const outside = benchmark();
    outside.entries[0].ranges.SEVERE = { minYuan: 70_000, maxYuan: 150_000 };
    expect(errorOf(() => validateDiscretionBenchmark(outside)).code).toBe(ErrorCode.VALIDATION_FAILED);

    const duplicate = benchmark();
    duplicate.entries.push({ ...duplicate.entries[0] });
    expect(errorOf(() => validateDiscretionBenchmark(duplicate)).code).toBe(ErrorCode.VALIDATION_FAILED);

    expect(errorOf(() => validateDiscretionBenchmark({ ...benchmark(), effectiveFrom: '2026-02-30' })).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
  });
});
