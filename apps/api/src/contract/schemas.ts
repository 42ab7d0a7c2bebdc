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

/** Paging of a list: `offset` and `limit` (bounded). */
export const PageQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export class PageQueryDto extends createZodDto(PageQuerySchema) {}

/** A page of a list. */
export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), total: z.int(), offset: z.int(), limit: z.int() });

/** A China local date, YYYY-MM-DD. */
export const localDate = () => z.iso.date();

/** Text that is not only whitespace. */
export const text = (max: number) => z.string().min(1).max(max).regex(/\S/);
