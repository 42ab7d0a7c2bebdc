import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Request, Response } from 'express';
import { DenialAuditService } from '@safety/application';
import { ErrorCode, isDomainError } from '@safety/domain/errors';
import type { Actor } from '@safety/domain/identity/roles';
import { InvalidInputError } from '../validation/invalid-input';
import { fieldProblems, Language, preferredLanguage } from '../validation/issue-messages';
import { HTTP_STATUS_BY_CODE, isErrorCode } from './error-mapping';
import { RETRY_AFTER_SECONDS } from '../temporal/workflow-answers';

interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

const HTTP_CODE_FALLBACK: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN_ROLE,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.ALREADY_EXISTS,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  422: ErrorCode.RULE_VIOLATION,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * Errors of the body parser (http-errors with `expose`): a body over the limit (413), an unsupported
 * charset or encoding (415), an aborted or mis-sized request (400). Their messages are safe to show.
 */
function bodyParserError(e: unknown): { status: number; message: string } | null {
  const err = e as { expose?: unknown; status?: unknown; type?: unknown; message?: unknown } | null;
  if (!err || err.expose !== true || typeof err.type !== 'string' || typeof err.status !== 'number') return null;
  if (err.status < 400 || err.status > 499) return null;
  return { status: err.status, message: typeof err.message === 'string' ? err.message : err.type };
}

/** Turns any thrown value into `{ code, message, details, requestId }` with the mapped status. */
export function toErrorResponse(e: unknown, language: Language = 'en'): { status: number; body: ErrorBody } | null {
  if (e instanceof InvalidInputError) {
    const fields = fieldProblems(e.location, e.issues, language, e.prefix);
    const message =
      language === 'zh' ? `${fields.length} 个字段无效或缺失` : `${fields.length} invalid or missing field(s)`;
    return { status: 400, body: { code: ErrorCode.VALIDATION_FAILED, message, details: { fields } } };
  }
  if (isDomainError(e))
    return { status: HTTP_STATUS_BY_CODE[e.code], body: { code: e.code, message: e.message, details: e.details } };
  if (e instanceof WorkflowExecutionAlreadyStartedError) {
    return {
      status: 409,
      body: { code: ErrorCode.WORKFLOW_ALREADY_STARTED, message: 'a workflow for this case is already running' },
    };
  }
  if (e instanceof WorkflowNotFoundError)
    return { status: 404, body: { code: ErrorCode.WORKFLOW_NOT_FOUND, message: 'the case workflow was not found' } };
  if (e instanceof WorkflowUpdateFailedError) {
    // The workflow's verdict: its validator or handler rejected the step with a typed ApplicationFailure.
    // An unknown failure type is a defect (a workflow rejecting with a code the API does not map): a logged 500.
    const cause = e.cause;
    if (cause instanceof ApplicationFailure && isErrorCode(cause.type)) {
      const details = cause.details?.[0];
      return {
        status: HTTP_STATUS_BY_CODE[cause.type],
        body: { code: cause.type, message: cause.message, ...(isPlainObject(details) ? { details } : {}) },
      };
    }
    return null;
  }
  const parser = bodyParserError(e);
  if (parser) {
    const code = HTTP_CODE_FALLBACK[parser.status] ?? ErrorCode.VALIDATION_FAILED;
    return {
      status: HTTP_STATUS_BY_CODE[code] === parser.status ? parser.status : 400,
      body: { code, message: parser.message },
    };
  }
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const res = e.getResponse() as string | { message?: string | string[] };
    const msgs =
      typeof res === 'string' ? [res] : Array.isArray(res.message) ? res.message : [res.message ?? e.message];
    return {
      status,
      body: {
        code: HTTP_CODE_FALLBACK[status] ?? 'HTTP_ERROR',
        message: msgs.join('; '),
        details: msgs.length > 1 ? { problems: msgs } : undefined,
      },
    };
  }
  const name = (e as { name?: string } | null)?.name ?? '';
  if (name === 'ServiceError' || name === 'TransportError' || (e as { code?: string })?.code === 'ECONNREFUSED') {
    return {
      status: 503,
      body: {
        code: ErrorCode.DEPENDENCY_UNAVAILABLE,
        message: 'a backing service is unavailable; try again',
        details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
      },
    };
  }
  return null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  constructor(private readonly denials: DenialAuditService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string; actor?: Actor }>();
    const res = ctx.getResponse<Response>();
    const requestId = typeof req.id === 'string' ? req.id : undefined;
    const mapped = toErrorResponse(exception, preferredLanguage(req.headers['accept-language']));
    if (!mapped) {
      this.logger.error({ err: exception, requestId }, 'unhandled error');
      res
        .status(500)
        .json({ code: 'INTERNAL_ERROR', message: 'internal error; quote the request id to support', requestId });
      return;
    }
    if (mapped.status === 403) {
      // Denied actions are part of the full-process record, in the actor's own denial stream.
      await this.denials
        .record({
          actorId: req.actor?.userId ?? null,
          actorRole: req.actor?.roles[0] ?? null,
          method: req.method,
          route: (req.route as { path?: string } | undefined)?.path ?? req.path,
          path: req.originalUrl ?? req.url,
          code: mapped.body.code,
          reason: mapped.body.message,
          requestId: requestId ?? null,
        })
        .catch((err: unknown) => this.logger.error({ err, requestId }, 'could not audit a denial'));
    }
    // 429 and 503 say when to come back (RFC 9110 §10.2.3).
    if (mapped.status === 503 || mapped.status === 429) {
      const after = (mapped.body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      const seconds = typeof after === 'number' && Number.isFinite(after) ? after : RETRY_AFTER_SECONDS;
      res.setHeader('retry-after', String(Math.max(1, Math.ceil(seconds))));
    }
    res.status(mapped.status).json({ ...mapped.body, requestId });
  }
}
