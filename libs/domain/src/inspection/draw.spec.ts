import { DomainError } from '../errors';
import { DEFAULT_PLAN_CONFIG, DrawPool, InspectionPlanConfig, runDraw, stratumQuota, validatePlanConfig } from './draw';

const pad = (n: number) => String(n).padStart(3, '0');
const pool = (): DrawPool => ({
  enterprises: [
    ...Array.from({ length: 4 }, (_, i) => ({ id: `red-${pad(i)}`, riskGrade: 'RED' as const })),
    ...Array.from({ length: 6 }, (_, i) => ({ id: `orange-${pad(i)}`, riskGrade: 'ORANGE' as const })),
    ...Array.from({ length: 8 }, (_, i) => ({ id: `yellow-${pad(i)}`, riskGrade: 'YELLOW' as const })),
    ...Array.from({ length: 16 }, (_, i) => ({ id: `blue-${pad(i)}`, riskGrade: 'BLUE' as const })),
  ],
  officers: Array.from({ length: 6 }, (_, i) => ({ id: `officer-${i}` })),
  conflicts: [],
});

describe('双随机 draw', () => {
  it('is reproducible: same seed, config and pool → the same targets and inspectors', () => {
    const a = runDraw('seed-1', DEFAULT_PLAN_CONFIG, pool());
    const b = runDraw('seed-1', DEFAULT_PLAN_CONFIG, pool());
    expect(a).toEqual(b);
    expect(runDraw('seed-2', DEFAULT_PLAN_CONFIG, pool()).targets).not.toEqual(a.targets);
  });

  it('does not depend on the order of the pool rows', () => {
    const p = pool();
    const reversed: DrawPool = {
      enterprises: [...p.enterprises].reverse(),
      officers: [...p.officers].reverse(),
      conflicts: [],
    };
    expect(runDraw('order', DEFAULT_PLAN_CONFIG, reversed)).toEqual(runDraw('order', DEFAULT_PLAN_CONFIG, p));
  });

  it('samples each risk stratum by frequency / draws per year (分类分级)', () => {
    const r = runDraw('quota', DEFAULT_PLAN_CONFIG, pool());
    // RED 4/4 → all 4; ORANGE 2/4 → 3 of 6; YELLOW 1/4 → 2 of 8; BLUE 0.5/4 → 2 of 16.
    expect(r.quotas).toEqual({
      RED: { poolSize: 4, drawn: 4 },
      ORANGE: { poolSize: 6, drawn: 3 },
      YELLOW: { poolSize: 8, drawn: 2 },
      BLUE: { poolSize: 16, drawn: 2 },
    });
    expect(r.targets.map((t) => t.riskGrade)).toEqual([
      'RED',
      'RED',
      'RED',
      'RED',
      'ORANGE',
      'ORANGE',
      'ORANGE',
      'YELLOW',
      'YELLOW',
      'BLUE',
      'BLUE',
    ]);
    expect(new Set(r.targets.map((t) => t.enterpriseId)).size).toBe(r.targets.length);
    expect(r.targets.map((t) => t.position)).toEqual(r.targets.map((_, i) => i));
  });

  it('assigns distinct inspectors per target, spreads the load, and never a conflicted officer', () => {
    const p = pool();
    p.conflicts = [
      { officerId: 'officer-0', enterpriseId: 'red-000' },
      { officerId: 'officer-1', enterpriseId: 'red-000' },
    ];
    for (let s = 0; s < 200; s++) {
      const r = runDraw(`conflict-${s}`, DEFAULT_PLAN_CONFIG, p);
      for (const t of r.targets) {
        expect(new Set(t.inspectorIds).size).toBe(2);
        if (t.enterpriseId === 'red-000') expect(t.inspectorIds).not.toEqual(expect.arrayContaining(['officer-0']));
        if (t.enterpriseId === 'red-000') expect(t.inspectorIds).not.toContain('officer-1');
      }
      const load = new Map<string, number>();
      for (const t of r.targets) for (const o of t.inspectorIds) load.set(o, (load.get(o) ?? 0) + 1);
      const counts = [...load.values()];
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
    }
  });

  it('draws each enterprise of a stratum about equally often over many seeds (distribution sanity)', () => {
    const cfg: InspectionPlanConfig = {
      ...DEFAULT_PLAN_CONFIG,
      frequencyPerYear: { RED: 0, ORANGE: 0, YELLOW: 1, BLUE: 0 },
    };
    const hits = new Map<string, number>();
    const rounds = 4000;
    for (let s = 0; s < rounds; s++) {
      for (const t of runDraw(`dist-${s}`, cfg, pool()).targets)
        hits.set(t.enterpriseId, (hits.get(t.enterpriseId) ?? 0) + 1);
    }
    // YELLOW: 2 of 8 per draw → each expected 1000 times.
    expect([...hits.keys()].every((k) => k.startsWith('yellow'))).toBe(true);
    expect(hits.size).toBe(8);
    for (const c of hits.values()) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });

  it('refuses a draw when a target lacks enough officers without a conflict (nothing half-drawn)', () => {
    const p = pool();
    p.officers = [{ id: 'officer-0' }, { id: 'officer-1' }];
    p.conflicts = [{ officerId: 'officer-0', enterpriseId: 'red-001' }];
    expect(() => runDraw('x', DEFAULT_PLAN_CONFIG, p)).toThrow(DomainError);
    expect(() => runDraw('x', DEFAULT_PLAN_CONFIG, p)).toThrow(/conflict of interest/);
  });

  it('rejects duplicates and bad configs', () => {
    const p = pool();
    p.officers.push({ id: 'officer-0' });
    expect(() => runDraw('x', DEFAULT_PLAN_CONFIG, p)).toThrow(/duplicate officer/);
    expect(() => validatePlanConfig({ ...DEFAULT_PLAN_CONFIG, inspectorsPerTarget: 1 })).toThrow(/at least two/);
    expect(() => validatePlanConfig({ ...DEFAULT_PLAN_CONFIG, drawsPerYear: 0 })).toThrow(/drawsPerYear/);
    expect(() =>
      validatePlanConfig({ ...DEFAULT_PLAN_CONFIG, frequencyPerYear: { RED: -1, ORANGE: 1, YELLOW: 1, BLUE: 1 } }),
    ).toThrow(/RED/);
  });

  it('computes quotas with ceiling and caps', () => {
    expect(stratumQuota(0, 4, 4)).toBe(0);
    expect(stratumQuota(5, 0, 4)).toBe(0);
    expect(stratumQuota(8, 0.5, 4)).toBe(1);
    expect(stratumQuota(9, 0.5, 4)).toBe(2);
    expect(stratumQuota(3, 12, 4)).toBe(3);
  });
});
