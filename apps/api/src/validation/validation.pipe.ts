import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { InvalidInputError } from './invalid-input';

/** The schema of a DTO class made by nestjs-zod's createZodDto. */
const zodSchemaOf = (type: unknown): z.ZodType | undefined => {
  const dto = type as { isZodDto?: boolean; schema?: z.ZodType } | undefined;
  return dto?.isZodDto ? dto.schema : undefined;
};

/**
 * The one validation pipe: bodies, queries and path parameters typed with a zod DTO are parsed by
 * their schema (every problem reported at once). Every request DTO is one (the OpenAPI contract test
 * checks each route's edge validation); anything else (the request or response object, a raw
 * upload) passes through untouched.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const schema = zodSchemaOf(metadata.metatype);
    if (schema) {
      const parsed = schema.safeParse(value ?? {});
      if (!parsed.success) {
        const location = metadata.type === 'query' ? 'query' : metadata.type === 'param' ? 'params' : 'body';
        throw new InvalidInputError(location, parsed.error.issues);
      }
      return parsed.data;
    }
    return value;
  }
}
