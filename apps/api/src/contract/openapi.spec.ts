import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Endpoint } from './endpoint.decorator';
import { buildOpenApiDocument } from './openapi';

class NullableFieldsProbeDto extends createZodDto(
  z.object({
    nextCursor: z.string().nullable(),
    consented: z.boolean().nullable(),
    tags: z.array(z.string()),
    bounded: z.string().max(10).nullable(),
  }),
) {}

@Controller('probe')
class ProbeController {
  @Get()
  @Endpoint({ summary: 'probe', response: NullableFieldsProbeDto, isPublic: true })
  probe() {
    return { nextCursor: null, consented: null, tags: [], bounded: null };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('the OpenAPI document', () => {
  it('publishes a bare nullable primitive as that primitive or null, not as an array', async () => {
    const app = await NestFactory.create(ProbeModule, { preview: true, logger: false });
    const document = buildOpenApiDocument(app);
    await app.close();
    const schema = document.components!.schemas!.NullableFieldsProbeDto_Output as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.properties.nextCursor).toEqual({ type: ['string', 'null'] });
    expect(schema.properties.consented).toEqual({ type: ['boolean', 'null'] });
    expect(schema.properties.tags).toEqual({ type: 'array', items: { type: 'string' } });
    expect(schema.properties.bounded).toEqual({ anyOf: [{ type: 'string', maxLength: 10 }, { type: 'null' }] });
  });
});
