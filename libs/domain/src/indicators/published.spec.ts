import { comparePublished, publishedTolerance } from './published';

describe('a published result against the computed one', () => {
  it('tolerates half a unit of the last decimal, no more', () => {
    expect(publishedTolerance(0)).toBe(0.5);
    expect(publishedTolerance(4)).toBeCloseTo(0.00005, 12);
    const at4 = (published: number) =>
      comparePublished({ value: 0.0129, verdict: 'ACHIEVED' }, { value: published, verdict: 'ACHIEVED' }, 4);
    expect(at4(0.0129).valueDiffers).toBe(false);
    expect(at4(0.01294).valueDiffers).toBe(false);
    expect(at4(0.01295).valueDiffers).toBe(false); // exactly half a unit: the same published figure
    expect(at4(0.013)).toMatchObject({ valueDiffers: true, difference: 0.0001, discrepancy: true });
  });

  it('requires counts to be equal', () => {
    const count = (published: number) =>
      comparePublished({ value: 153, verdict: 'ACHIEVED' }, { value: published, verdict: 'ACHIEVED' }, 0);
    expect(count(153)).toMatchObject({ valueDiffers: false, verdictDiffers: false, discrepancy: false, difference: 0 });
    expect(count(152)).toMatchObject({ valueDiffers: true, difference: -1, discrepancy: true });
  });

  it('flags a verdict that differs even when the values agree', () => {
    const c = comparePublished({ value: 10, verdict: 'ACHIEVED' }, { value: 10, verdict: 'NOT_ACHIEVED' }, 0);
    expect(c).toMatchObject({ valueDiffers: false, verdictDiffers: true, discrepancy: true });
  });

  it('does not compare what was not computed', () => {
    const c = comparePublished({ value: null, verdict: 'NO_DATA' }, { value: 0.5, verdict: 'NOT_ACHIEVED' }, 3);
    expect(c).toEqual({
      difference: null,
      tolerance: 0.0005,
      valueDiffers: null,
      verdictDiffers: null,
      discrepancy: false,
    });
    const unrated = comparePublished({ value: 3, verdict: 'NOT_RATED' }, { value: 3, verdict: 'ON_TRACK' }, 0);
    expect(unrated).toMatchObject({ valueDiffers: false, verdictDiffers: null, discrepancy: false });
  });
});
