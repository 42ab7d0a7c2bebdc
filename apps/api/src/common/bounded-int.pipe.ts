import { PipeTransform } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';

/**
 * An integer path parameter within [min, max]; anything else is a 400 naming `params.<name>`.
 * (Nest's ParseIntPipe accepts 100000000000000000000, which then overflows the integer column.)
 */
export class BoundedIntPipe implements PipeTransform<string, number> {
  constructor(
    private readonly name: string,
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(value: string): number {
    const parsed = /^-?\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < this.min || parsed > this.max) {
      const message = `${this.name} must be an integer from ${this.min} to ${this.max}`;
      throw new DomainError(ErrorCode.VALIDATION_FAILED, message, {
        fields: [{ path: `params.${this.name}`, message }],
      });
    }
    return parsed;
  }
}

/** Holiday calendars exist for years the system can schedule in (the inspection-plan bound too). */
export const calendarYearPipe = () => new BoundedIntPipe('year', 2000, 2100);
