import { DomainError } from '../errors';
import { isSimpleProcedureAllowed } from './simple-procedure';

describe('isSimpleProcedureAllowed (行政处罚法 Art.51)', () => {
  it.each([
    ['INDIVIDUAL', 200, true],
    ['INDIVIDUAL', 200.01, false],
    ['INDIVIDUAL', 50, true],
    ['ORGANISATION', 3_000, true],
    ['ORGANISATION', 3_000.01, false],
    ['ORGANISATION', 200.01, true],
  ] as const)('%s fined %d → %s', (partyType, fineYuan, allowed) => {
    expect(isSimpleProcedureAllowed({ partyType, fineYuan })).toBe(allowed);
  });

  it('allows a warning alone', () => {
    expect(isSimpleProcedureAllowed({ partyType: 'ORGANISATION', warningOnly: true })).toBe(true);
    expect(isSimpleProcedureAllowed({ partyType: 'INDIVIDUAL', warningOnly: true, fineYuan: 0 })).toBe(true);
  });

  it('needs a fine or a warning', () => {
    expect(isSimpleProcedureAllowed({ partyType: 'INDIVIDUAL' })).toBe(false);
    expect(isSimpleProcedureAllowed({ partyType: 'INDIVIDUAL', fineYuan: 0 })).toBe(false);
  });

  it('rejects a warning that carries a fine and malformed amounts', () => {
    expect(() => isSimpleProcedureAllowed({ partyType: 'INDIVIDUAL', warningOnly: true, fineYuan: 50 })).toThrow(
      DomainError,
    );
    expect(() => isSimpleProcedureAllowed({ partyType: 'INDIVIDUAL', fineYuan: Number.NaN })).toThrow(DomainError);
  });
});
