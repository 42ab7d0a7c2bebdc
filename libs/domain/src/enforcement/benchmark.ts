import { LocalDate, isLocalDate } from '../calendar/local-date';
import { DomainError, ErrorCode } from '../errors';
import { yuanToFen } from './money';

/** 从轻 / 一般 / 从重 (行政处罚法 Art.32, 33 context). */
export type DiscretionCircumstance = 'LENIENT' | 'ORDINARY' | 'SEVERE';

export interface FineRangeYuan {
  minYuan: number;
  maxYuan: number;
}

export interface DiscretionBenchmarkEntry {
  /** Code of the violation type (e.g. 安全生产法 Art.97(3) 未按规定对从业人员进行安全生产教育和培训). */
  violationType: string;
  /** Article that sets the penalty, for the decision document. */
  legalBasis: string;
  /** The statutory range; every circumstance range must lie inside it. */
  statutoryRange?: FineRangeYuan;
  ranges: Record<DiscretionCircumstance, FineRangeYuan>;
}

/** 行政处罚裁量基准 published by the agency (行政处罚法 Art.34). */
export interface DiscretionBenchmark {
  id: string;
  jurisdiction: string;
  effectiveFrom: LocalDate;
  source: string;
  entries: DiscretionBenchmarkEntry[];
}

const CIRCUMSTANCES: readonly DiscretionCircumstance[] = ['LENIENT', 'ORDINARY', 'SEVERE'];

const rangeFen = (r: FineRangeYuan | undefined, where: string): { min: number; max: number } => {
  if (!r) throw new DomainError(ErrorCode.VALIDATION_FAILED, `Missing fine range at ${where}`, { where });
  const min = yuanToFen(r.minYuan, `${where}.minYuan`);
  const max = yuanToFen(r.maxYuan, `${where}.maxYuan`);
  if (min > max)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `Fine range at ${where} has min > max`, { where, ...r });
  return { min, max };
};

/** Checks a benchmark's structure; throws VALIDATION_FAILED. */
export function validateDiscretionBenchmark(b: DiscretionBenchmark): DiscretionBenchmark {
  if (!b.id || !b.jurisdiction || !b.source || !isLocalDate(b.effectiveFrom)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Benchmark needs id, jurisdiction, source and effectiveFrom', {
      id: b.id,
    });
  }
  const seen = new Set<string>();
  for (const e of b.entries) {
    if (!e.violationType || seen.has(e.violationType)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Violation types must be present and unique', {
        violationType: e.violationType,
      });
    }
    seen.add(e.violationType);
    const statutory = e.statutoryRange ? rangeFen(e.statutoryRange, `${e.violationType}.statutoryRange`) : undefined;
    for (const c of CIRCUMSTANCES) {
      const r = rangeFen(e.ranges?.[c], `${e.violationType}.${c}`);
      if (statutory && (r.min < statutory.min || r.max > statutory.max)) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `${e.violationType}.${c} lies outside the statutory range`, {
          violationType: e.violationType,
          circumstance: c,
        });
      }
    }
  }
  return b;
}

/**
 * Checks a proposed fine against the benchmark range for its circumstance. Returns the range applied.
 * Throws RULE_VIOLATION for an unknown violation type, OUT_OF_RANGE when the fine is outside the range.
 * (减轻处罚 below the range, Art.32, needs a separate reasoned decision and is not covered here.)
 */
export function checkFineAgainstBenchmark(
  benchmark: DiscretionBenchmark,
  input: { violationType: string; circumstance: DiscretionCircumstance; fineYuan: number },
): FineRangeYuan {
  const entry = benchmark.entries.find((e) => e.violationType === input.violationType);
  if (!entry) {
    throw new DomainError(ErrorCode.RULE_VIOLATION, `No benchmark entry for violation type ${input.violationType}`, {
      benchmarkId: benchmark.id,
      violationType: input.violationType,
    });
  }
  const range = entry.ranges[input.circumstance];
  const { min, max } = rangeFen(range, `${entry.violationType}.${input.circumstance}`);
  const fine = yuanToFen(input.fineYuan, 'fineYuan');
  if (fine < min || fine > max) {
    throw new DomainError(
      ErrorCode.OUT_OF_RANGE,
      `Fine ${input.fineYuan} is outside the ${input.circumstance} range ${range.minYuan}–${range.maxYuan}`,
      {
        benchmarkId: benchmark.id,
        violationType: input.violationType,
        circumstance: input.circumstance,
        fineYuan: input.fineYuan,
        minYuan: range.minYuan,
        maxYuan: range.maxYuan,
      },
    );
  }
  return range;
}
