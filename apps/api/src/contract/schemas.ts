import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ErrorCode } from '@safety/domain/errors';

/** The body of every error response. */
export const ErrorBodySchema = z.object({
  code: z.enum(['INTERNAL_ERROR', ...Object.values(ErrorCode)]).meta({
    description: 'Stable error code; one HTTP status per code',
  }),
  message: z.string(),
  details: z
    .looseObject({
      fields: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'VALIDATION_FAILED: every invalid or missing field (body-relative paths)' }),
    })
    .optional(),
  requestId: z.string().optional().meta({ description: 'Quote it to support; also in the x-request-id header' }),
});

export class ErrorBodyDto extends createZodDto(ErrorBodySchema) {}

/** A UUID path parameter. */
export const uuid = () => z.guid();

export class IdParams extends createZodDto(z.strictObject({ id: uuid() })) {}

/** An ISO 8601 instant as the API writes it. */
export const isoInstant = () => z.iso.datetime({ offset: true });
export const isoInstantOrNull = () => isoInstant().nullable();

/**
 * Paging of a list that can grow (keyset): `limit` (1..100) and the opaque `cursor` of the page
 * before (its `nextCursor`). A cursor of another list or order, or an edited one, is a 400.
 */
export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .meta({ description: 'nextCursor of the previous page; absent for the first page' }),
});
export class PageQueryDto extends createZodDto(PageQuerySchema) {}

/** A page of a list: `total` is exact up to 10,000 rows (`totalExact`), beyond that a lower bound. */
export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Cursor of the next page; null on the last page' }),
    total: z.int().meta({ description: 'Matching rows, exact up to 10,000' }),
    totalExact: z.boolean().meta({ description: 'false when there are more than 10,000 (total is then 10,000)' }),
  });

/** Offset paging, kept for short administrative and published lists that do not grow with the case load. */
export const OffsetPageQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export class OffsetPageQueryDto extends createZodDto(OffsetPageQuerySchema) {}

/** A page of a short list paged by offset. */
export const offsetPageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), total: z.int(), offset: z.int(), limit: z.int() });

/** A China local date, YYYY-MM-DD. */
export const localDate = () => z.iso.date();

/** Text that is not only whitespace. */
export const text = (max: number) => z.string().min(1).max(max).regex(/\S/);
