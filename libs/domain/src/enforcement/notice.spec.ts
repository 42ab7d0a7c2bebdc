import { DomainError, ErrorCode } from '../errors';
import { penaltyMayNotIncrease } from './notice';

const errorOf = (fn: () => unknown): DomainError | undefined => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  return undefined;
};

describe('penaltyMayNotIncrease (行政处罚法 Art.45)', () => {
  it('allows the same or a lower amount', () => {
    expect(errorOf(() => penaltyMayNotIncrease(5_000, 5_000, true))).toBeUndefined();
    expect(errorOf(() => penaltyMayNotIncrease(5_000, 4_000, true))).toBeUndefined();
    expect(errorOf(() => penaltyMayNotIncrease(0.1 + 0.2, 0.3, true))).toBeUndefined();
  });

  it('rejects an increase after the party argued', () => {
    const e = errorOf(() => penaltyMayNotIncrease(5_000, 5_000.01, true));
    expect(e?.code).toBe(ErrorCode.RULE_VIOLATION);
    expect(e?.details).toMatchObject({ reason: 'INCREASE_AFTER_DEFENCE' });
  });

  it('requires a fresh notice for any other increase (Art.44, 62)', () => {
    const e = errorOf(() => penaltyMayNotIncrease(5_000, 6_000, false));
    expect(e?.code).toBe(ErrorCode.RULE_VIOLATION);
    expect(e?.details).toMatchObject({ reason: 'RENOTIFY_REQUIRED' });
  });
});
