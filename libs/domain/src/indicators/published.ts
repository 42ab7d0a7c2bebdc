import type { Verdict } from './targets';

/**
 * Results as the agencies published them (a plan's mid-term review or final evaluation reports an indicator's
 * value and, e.g., 未完成) beside the value this system computes from the accident records. No statute says how
 * the two are compared: the tolerance below is this system's documented DEFAULT (docs/indicators.md).
 */

/** The verdicts a published result may carry (the report's own NO_DATA / NOT_RATED are not published verdicts). */
export const PUBLISHED_VERDICTS = ['ACHIEVED', 'NOT_ACHIEVED', 'ON_TRACK', 'OFF_TRACK'] as const;
export type PublishedVerdict = (typeof PUBLISHED_VERDICTS)[number];

/**
 * Half a unit of the measure's last published decimal: a published figure agrees with the computed one when it
 * rounds to the same figure (a count must be equal; 0.01294 agrees with 0.0129 at 4 decimals, 0.013 does not).
 */
export const publishedTolerance = (decimals: number): number => 0.5 * 10 ** -decimals;

/** Floating-point noise of the subtraction is not a discrepancy. */
const NOISE = 1e-9;

export interface PublishedComparison {
  /** Published minus computed, in the measure's decimals; null when there is no computed value (no denominator). */
  difference: number | null;
  tolerance: number;
  /** null when not comparable (no computed value). */
  valueDiffers: boolean | null;
  /** null when the computed verdict is not a published one (缺少基数, 不评价). */
  verdictDiffers: boolean | null;
  /** The value or the verdict differs. */
  discrepancy: boolean;
}

/** Compares a published result with the computed value and verdict of the same indicator, region and year. */
export function comparePublished(
  computed: { value: number | null; verdict: Verdict },
  published: { value: number; verdict: PublishedVerdict },
  decimals: number,
): PublishedComparison {
  const tolerance = publishedTolerance(decimals);
  const raw = computed.value === null ? null : published.value - computed.value;
  const valueDiffers = raw === null ? null : Math.abs(raw) > tolerance + NOISE * Math.max(1, Math.abs(published.value));
  const rated = (PUBLISHED_VERDICTS as readonly string[]).includes(computed.verdict);
  const verdictDiffers = rated ? computed.verdict !== published.verdict : null;
  return {
    difference: raw === null ? null : Number(raw.toFixed(decimals + 2)),
    tolerance,
    valueDiffers,
    verdictDiffers,
    discrepancy: valueDiffers === true || verdictDiffers === true,
  };
}
