import { createSeededRng, sampleWithoutReplacement, seedWords, shuffle } from './prng';

describe('seeded PRNG (sfc32 + cyrb128)', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createSeededRng('2026-Q1-县应急局');
    const b = createSeededRng('2026-Q1-县应急局');
    const c = createSeededRng('2026-Q1-县应急局 ');
    const sa = Array.from({ length: 50 }, () => a.nextUint32());
    const sb = Array.from({ length: 50 }, () => b.nextUint32());
    const sc = Array.from({ length: 50 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('is pinned: the first outputs of a known seed never change (reproducibility across versions)', () => {
    expect(seedWords('seed')).toEqual(seedWords('seed'));
    const r = createSeededRng('abc');
    const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    // Recomputed independently in this test from the published algorithm to detect accidental edits.
    const ref = (() => {
      let h1 = 1779033703,
        h2 = 3144134277,
        h3 = 1013904242,
        h4 = 2773480762;
      for (const ch of 'abc') {
        const k = ch.charCodeAt(0);
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
      let a = h1 >>> 0,
        b = h2 >>> 0,
        c = h3 >>> 0,
        d = h4 >>> 0;
      const next = () => {
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
      for (let i = 0; i < 15; i++) next();
      return [next(), next(), next()];
    })();
    expect(first).toEqual(ref);
    expect(first.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('next() stays in [0, 1) and nextInt(n) in [0, n)', () => {
    const r = createSeededRng('range');
    for (let i = 0; i < 10_000; i++) {
      const f = r.next();
      expect(f >= 0 && f < 1).toBe(true);
      const k = r.nextInt(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    expect(r.nextInt(1)).toBe(0);
  });

  it('nextInt is roughly uniform (chi-square well under the 0.1% critical value)', () => {
    const r = createSeededRng('uniformity');
    const n = 10;
    const draws = 100_000;
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < draws; i++) counts[r.nextInt(n)]++;
    const expected = draws / n;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.88); // df = 9, p = 0.001
  });

  it('sampling without replacement picks each item with equal probability and never repeats', () => {
    const items = Array.from({ length: 10 }, (_, i) => `e${i}`);
    const hits = new Map<string, number>(items.map((x) => [x, 0]));
    const r = createSeededRng('sampling');
    const rounds = 20_000;
    for (let i = 0; i < rounds; i++) {
      const s = sampleWithoutReplacement(r, items, 3);
      expect(new Set(s).size).toBe(3);
      for (const x of s) hits.set(x, hits.get(x)! + 1);
    }
    for (const c of hits.values()) expect(Math.abs(c - (rounds * 3) / 10)).toBeLessThan((0.05 * (rounds * 3)) / 10);
  });

  it('shuffle is a permutation and leaves the input alone', () => {
    const items = [1, 2, 3, 4, 5];
    const s = shuffle(createSeededRng('x'), items);
    expect([...s].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects bad seeds and bounds', () => {
    expect(() => createSeededRng('')).toThrow(/seed/);
    expect(() => createSeededRng('x'.repeat(129))).toThrow(/seed/);
    expect(() => createSeededRng('x').nextInt(0)).toThrow(/bound/);
    expect(() => sampleWithoutReplacement(createSeededRng('x'), [1], 2)).toThrow(/cannot sample/);
  });
});
