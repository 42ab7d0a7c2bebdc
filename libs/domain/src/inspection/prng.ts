import { DomainError, ErrorCode } from '../errors';

/**
 * A small, seeded pseudo-random generator for the 双随机 draws. Pure and platform-independent
 * (only 32-bit integer arithmetic), so a draw is reproducible from its recorded seed on any
 * machine and in any later version of the code that keeps ALGORITHM_ID.
 *
 * - seed string → 128-bit state: cyrb128 (a public-domain string hash) over the UTF-16 code units;
 * - generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-tested);
 * - integers in [0, n): rejection sampling, so there is no modulo bias.
 *
 * Not cryptographic: fairness comes from a seed nobody can choose in advance (the server draws
 * it, or it is fixed in public before the draw), and from recording it with the pool snapshot.
 */
export const PRNG_ALGORITHM_ID = 'sfc32+cyrb128-v1';

export interface SeededRng {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n), n a positive safe integer ≤ 2^32. */
  nextInt(n: number): number;
}

/** cyrb128: four 32-bit words from a string. */
export function seedWords(seed: string): [number, number, number, number] {
  if (typeof seed !== 'string' || seed.length === 0 || seed.length > 128) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'seed must be a string of 1 to 128 characters', { seed });
  }
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function createSeededRng(seed: string): SeededRng {
  let [a, b, c, d] = seedWords(seed);
  const nextUint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up: discard the first outputs so similar seeds diverge fully.
  for (let i = 0; i < 15; i++) nextUint32();
  const TWO_32 = 4_294_967_296;
  return {
    nextUint32,
    next: () => nextUint32() / TWO_32,
    nextInt: (n: number) => {
      if (!Number.isSafeInteger(n) || n < 1 || n > TWO_32) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'nextInt bound must be an integer in [1, 2^32]', { n });
      }
      // Largest multiple of n that fits in 2^32; values at or above it are redrawn (no modulo bias).
      const limit = TWO_32 - (TWO_32 % n);
      for (;;) {
        const r = nextUint32();
        if (r < limit) return r % n;
      }
    },
  };
}

/** Partial Fisher–Yates: `k` distinct items of `items` in random order (input not modified). */
export function sampleWithoutReplacement<T>(rng: SeededRng, items: readonly T[], k: number): T[] {
  if (!Number.isInteger(k) || k < 0 || k > items.length) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `cannot sample ${k} of ${items.length} items`, {
      k,
      size: items.length,
    });
  }
  const a = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + rng.nextInt(a.length - i);
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
  return a.slice(0, k);
}

/** A random permutation of `items` (input not modified). */
export function shuffle<T>(rng: SeededRng, items: readonly T[]): T[] {
  return sampleWithoutReplacement(rng, items, items.length);
}
