import { drawSample } from './sampling';

const ids = Array.from({ length: 50 }, (_, i) => `case-${String(i).padStart(3, '0')}`);

describe('drawSample', () => {
  it('is reproducible from the seed and independent of input order', () => {
    const a = drawSample(ids, 5, '2026-Q4');
    const b = drawSample([...ids].reverse(), 5, '2026-Q4');
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(5);
    for (const x of a) expect(ids).toContain(x);
  });
  it('differs for another seed (overwhelmingly likely)', () => {
    expect(drawSample(ids, 5, 'seed-1')).not.toEqual(drawSample(ids, 5, 'seed-2'));
  });
  it('returns the whole population when n exceeds it, and rejects bad sizes', () => {
    expect(drawSample(['b', 'a'], 5, 's').sort()).toEqual(['a', 'b']);
    expect(() => drawSample(ids, 0, 's')).toThrow();
    expect(() => drawSample(ids, 2, '')).toThrow();
  });
});
