import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

export const MAX_OFFSET = 1_000_000;

/** Keyset paging (lists that grow): `limit` and the opaque `cursor` of the previous page's `nextCursor`. */
export class CursorPageQuery {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page; absent for the first page' })
  @IsOptional()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor: not a cursor of this list' })
  cursor?: string;
}

/** Offset paging, kept for short administrative and published lists that do not grow with the case load. */
export class OffsetPageQuery {
  /** Bounded so that a huge value is a 400, not a bigint overflow in PostgreSQL. */
  @ApiPropertyOptional({ type: Number, default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset = 0;
  @ApiPropertyOptional({ type: Number, default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}
