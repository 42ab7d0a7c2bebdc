import { DomainError, ErrorCode } from '../errors';

/** FNV-1a 32-bit hash of a string (UTF-16 code units); a stable, dependency-free seed for the PRNG. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, well-distributed 32-bit PRNG; the same seed always gives the same sequence. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * 案卷评查 sampling: draws `n` distinct items from `population`, reproducibly from `seed`. The
 * population is sorted first, so the draw depends only on the set of items and the seed, never on the
 * order the database returned them in. Anyone holding the seed and the list can re-draw and verify.
 */
export function drawSample(population: readonly string[], n: number, seed: string): string[] {
  if (!Number.isInteger(n) || n < 1)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Sample size must be a positive integer', { n });
  if (!seed) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A seed is required', {});
  const items = [...new Set(population)].sort();
  const rand = mulberry32(fnv1a(seed));
  // Partial Fisher–Yates: the first n positions are a uniform sample.
  const take = Math.min(n, items.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rand() * (items.length - i));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items.slice(0, take);
}
