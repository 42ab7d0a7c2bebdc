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
    { version: '3.1' },
  );
  return withStepPayloads(document);
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
