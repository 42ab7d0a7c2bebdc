import { DomainError, ErrorCode } from '../errors';

/** Converts a yuan amount to integer fen (分); rejects negatives and sub-fen precision. */
export function yuanToFen(yuan: number, field = 'amount'): number {
  const fen = Math.round(yuan * 100);
  if (!Number.isFinite(yuan) || yuan < 0 || Math.abs(yuan * 100 - fen) > 1e-6 || !Number.isSafeInteger(fen)) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `${field} must be a non-negative yuan amount with at most 2 decimals`,
      {
        [field]: yuan,
      },
    );
  }
  return fen;
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}
