import { skipLevelProblem } from './upward-reporting';

describe('越级上报 (条例 Art.10 para.2)', () => {
  const levels = ['CITY', 'PROVINCE'] as const;
  const base = { grade: 'LARGER' as const, levels, openIndex: 0, target: 'PROVINCE' as const, alreadySkipped: false };

  it('goes past the level waiting for the report to a higher one the grade requires', () => {
    expect(skipLevelProblem(base)).toBeNull();
  });

  it('refuses the waiting level itself, a level below it, a level the chain lacks and one the grade does not require', () => {
    expect(skipLevelProblem({ ...base, target: 'CITY' })).toMatch(/past the level waiting/);
    expect(skipLevelProblem({ ...base, openIndex: 1 })).toMatch(/past the level waiting/);
    expect(skipLevelProblem({ ...base, levels: ['CITY'] })).toMatch(/no PROVINCE level/);
    expect(skipLevelProblem({ ...base, grade: 'GENERAL' })).toMatch(/does not require/);
  });

  it('needs a level waiting and skips once per chain', () => {
    expect(skipLevelProblem({ ...base, openIndex: null })).toMatch(/no level of the chain is waiting/);
    expect(skipLevelProblem({ ...base, alreadySkipped: true })).toMatch(/already been reported past/);
  });
});
