import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { taskTypeCatalogue } from '../tasks/step-catalogue';

/**
 * The OpenAPI 3.1 document: every operation's body, responses and errors from the zod contracts,
 * plus each step outcome's payload as a component (`StepPayload_<TYPE>_<OUTCOME>`) that the task
 * completion body refers to by outcome.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = cleanupOpenApiDoc(
    restoreNullablePrimitives(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setOpenAPIVersion('3.1.0')
          .setTitle('Work-safety case engine API')
          .setDescription(
            'Enforcement cases and accident investigations: task inboxes, statutory clocks, full-process record. ' +
              'Every human step is published in GET /task-types with the JSON Schema of each outcome’s payload.',
          )
          .setVersion('0.2.0')
          .addBearerAuth()
          .build(),
      ),
    ),
    { version: '3.1' },
  );
  return withStepPayloads(document);
}

/** The marker nestjs-zod puts on a property whose JSON Schema `type` was not a single string. */
const NESTJS_ZOD_EMPTY_TYPE = 'x-nestjs_zod-empty-type';

/**
 * zod (from 4.5) writes a bare nullable primitive (`z.string().nullable()`) as `type: ["string", "null"]`, and
 * Nest's schema explorer reads a `type` list as an array of its first member: the document said `string[]` where
 * the API answers a string or null (nestjs-zod issue 473). zod writes a type list for nothing else in these
 * contracts (unions of primitives are not used), so each such property is the primitive or null again.
 */
function restoreNullablePrimitives(document: OpenAPIObject): OpenAPIObject {
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const schema = node as Record<string, unknown>;
    const items = schema.items as Record<string, unknown> | undefined;
    if (
      schema[NESTJS_ZOD_EMPTY_TYPE] === true &&
      schema.type === 'array' &&
      items &&
      typeof items.type === 'string' &&
      Object.keys(items).length === 1
    ) {
      schema.type = [items.type, 'null'];
      delete schema.items;
    }
    Object.values(schema).forEach(visit);
  };
  visit(document);
  return document;
}

function withStepPayloads(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = schemas;
  const variants: Array<Record<string, unknown>> = [];
  for (const type of taskTypeCatalogue()) {
    for (const outcome of type.outcomes) {
      schemas[outcome.component] = { ...outcome.schema, title: `${type.title.zh} · ${outcome.label.zh}` } as never;
      variants.push({
        type: 'object',
        title: `${type.type} ${outcome.outcome}`,
        properties: {
          outcome: { const: outcome.outcome },
          payload: { $ref: `#/components/schemas/${outcome.component}` },
        },
        required: ['outcome'],
        additionalProperties: false,
      });
    }
  }
  const completion = document.paths['/tasks/{id}/complete']?.post;
  const body = completion?.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined;
  if (body?.content?.['application/json']) {
    body.content['application/json'].schema = {
      description: "One of the task's outcomes with its payload (the task's `form` says which it offers)",
      oneOf: variants,
    };
  }
  return document;
}
