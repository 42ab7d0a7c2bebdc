import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { ZodDto } from 'nestjs-zod';
import { ErrorBodyDto } from './schemas';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'VALIDATION_FAILED: a field is missing or invalid (details.fields lists every one)',
  401: 'UNAUTHENTICATED: no valid bearer token',
  403: 'FORBIDDEN_*: the role, jurisdiction or separation of duties does not allow it',
  404: 'NOT_FOUND: no such resource visible to you',
  409: 'A conflict with the current state (already claimed, completed, exists, or out of order)',
  413: 'The request body is too large',
  415: 'The request body is not JSON',
  422: 'RULE_VIOLATION / DEADLINE_PASSED / OUT_OF_RANGE: well-formed but breaks a statutory or business rule',
  429: 'Too many attempts; retry after the Retry-After header',
  503: 'DEPENDENCY_UNAVAILABLE: a backing service is down or slow; retry after the Retry-After header',
};

export interface EndpointOptions {
  summary: string;
  description?: string;
  /** The success body. */
  response: ZodDto;
  /** The success status the endpoint really answers. */
  status?: 200 | 201;
  /** The error statuses it can answer besides 401 (unless public) and 503. */
  errors?: ErrorStatus[];
  /** Open to callers without a token. */
  isPublic?: boolean;
  /** Another status answered with the same body (e.g. a readiness probe's 503); replaces that error response. */
  sameBodyAlso?: { status: 503; description: string };
}

/**
 * One operation's contract in one place: its summary, success status and body (validated on the way
 * out, so what is not declared is not sent) and the error responses it can give, all in the OpenAPI
 * document.
 */
export function Endpoint(options: EndpointOptions): MethodDecorator {
  const status = options.status ?? 200;
  const also = options.sameBodyAlso;
  const dto = options.response as ZodDto & { Output: unknown };
  return applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description }),
    HttpCode(status),
    ZodResponse({ status, type: options.response as never }),
    ...(also ? [ApiResponse({ status: also.status, description: also.description, type: dto.Output as never })] : []),
    ...errorResponses(options.errors, options.isPublic, also?.status),
  );
}

export interface FileEndpointOptions {
  summary: string;
  /** The media type of the body (not JSON). */
  produces: string;
  /** What the body is. */
  description: string;
  errors?: ErrorStatus[];
  isPublic?: boolean;
}

/**
 * An operation that answers a file or text rather than JSON (downloads, the metrics scrape): its media
 * type and a string body in the OpenAPI document, and its (JSON) error responses like any other endpoint.
 */
export function FileEndpoint(options: FileEndpointOptions): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: options.summary }),
    ApiResponse({
      status: 200,
      description: options.description,
      content: {
        [options.produces]: {
          schema: options.produces.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' },
        },
      },
    }),
    ...errorResponses(options.errors, options.isPublic),
  );
}

function errorResponses(listed: ErrorStatus[] = [], isPublic = false, replaced?: ErrorStatus): MethodDecorator[] {
  const errors = new Set<ErrorStatus>([...listed, 503]);
  if (!isPublic) errors.add(401);
  if (replaced) errors.delete(replaced);
  return [...errors]
    .sort()
    .map((code) => ApiResponse({ status: code, description: ERROR_DESCRIPTIONS[code], type: ErrorBodyDto.Output }));
}
