import { DomainError, ErrorCode } from '../errors';
import { yuanToFen } from './money';
import { PartyType } from './policy';

/** 行政处罚法 Art.51: on-the-spot decision for ≤200 yuan (citizen), ≤3,000 yuan (organisation), or a warning. */
export const SIMPLE_PROCEDURE_MAX_FINE_YUAN: Readonly<Record<PartyType, number>> = {
  INDIVIDUAL: 200,
  ORGANISATION: 3_000,
};

export function isSimpleProcedureAllowed(input: {
  partyType: PartyType;
  fineYuan?: number;
  warningOnly?: boolean;
}): boolean {
  const fineFen = input.fineYuan === undefined ? 0 : yuanToFen(input.fineYuan, 'fineYuan');
  if (input.warningOnly) {
    if (fineFen > 0) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A warning-only penalty cannot carry a fine', {
        fineYuan: input.fineYuan,
      });
    }
    return true;
  }
  const max = SIMPLE_PROCEDURE_MAX_FINE_YUAN[input.partyType];
  if (max === undefined)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Unknown party type', { partyType: input.partyType });
  // "以下" in 行政处罚法 includes the figure.
  return fineFen > 0 && fineFen <= yuanToFen(max);
}
