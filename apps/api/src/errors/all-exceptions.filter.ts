import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Request, Response } from 'express';
import { DenialAuditService } from '@safety/application';
import { ErrorCode, isDomainError } from '@safety/domain/errors';
import type { Actor } from '@safety/domain/identity/roles';
import { HTTP_STATUS_BY_CODE, isErrorCode } from './error-mapping';

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
  413: ErrorCode.VALIDATION_FAILED,
  415: ErrorCode.VALIDATION_FAILED,
  422: ErrorCode.RULE_VIOLATION,
};

/** Turns any thrown value into `{ code, message, details, requestId }` with the mapped status. */
export function toErrorResponse(e: unknown): { status: number; body: ErrorBody } | null {
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
    const cause = e.cause;
    if (cause instanceof ApplicationFailure && isErrorCode(cause.type)) {
      return { status: HTTP_STATUS_BY_CODE[cause.type], body: { code: cause.type, message: cause.message } };
    }
    return { status: 422, body: { code: ErrorCode.RULE_VIOLATION, message: cause?.message ?? e.message } };
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
      body: { code: ErrorCode.DEPENDENCY_UNAVAILABLE, message: 'a backing service is unavailable; try again' },
    };
  }
  return null;
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  constructor(private readonly denials: DenialAuditService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string; actor?: Actor }>();
    const res = ctx.getResponse<Response>();
    const requestId = typeof req.id === 'string' ? req.id : undefined;
    const mapped = toErrorResponse(exception);
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
    res.status(mapped.status).json({ ...mapped.body, requestId });
  }
}
