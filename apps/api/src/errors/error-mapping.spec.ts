import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { BadRequestException } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { HTTP_STATUS_BY_CODE } from './error-mapping';
import { toErrorResponse } from './all-exceptions.filter';

describe('the one error mapping', () => {
  it('gives every error code a 4xx/5xx status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(HTTP_STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
    }
  });

  it('maps domain errors by code', () => {
    expect(toErrorResponse(new DomainError(ErrorCode.TASK_ALREADY_COMPLETED, 'done'))).toMatchObject({
      status: 409,
      body: { code: 'TASK_ALREADY_COMPLETED' },
    });
    expect(toErrorResponse(new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'x'))?.status).toBe(403);
  });

  it("maps Temporal's already-started to 409 and not-found to 404", () => {
    expect(toErrorResponse(new WorkflowExecutionAlreadyStartedError('x', 'wf', 'type'))?.status).toBe(409);
    expect(toErrorResponse(new WorkflowNotFoundError('x', 'wf', undefined))?.status).toBe(404);
  });

  it("maps a rejected Update by the workflow's failure type", () => {
    const cause = ApplicationFailure.create({ type: 'FORBIDDEN_SEPARATION_OF_DUTIES', message: 'no' });
    expect(toErrorResponse(new WorkflowUpdateFailedError('rejected', cause))).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN_SEPARATION_OF_DUTIES' },
    });
    const withFields = ApplicationFailure.create({
      type: 'VALIDATION_FAILED',
      message: 'bad',
      details: [{ fields: [{ path: 'payload.findings', message: 'Required' }] }],
    });
    expect(toErrorResponse(new WorkflowUpdateFailedError('rejected', withFields))).toMatchObject({
      status: 400,
      body: { details: { fields: [{ path: 'payload.findings' }] } },
    });
  });

  it('leaves a rejection with a type outside the error codes unmapped (a logged 500, never a silent 422)', () => {
    const unknown = ApplicationFailure.create({ type: 'SomethingElse', message: 'odd' });
    expect(toErrorResponse(new WorkflowUpdateFailedError('rejected', unknown))).toBeNull();
  });

  it('maps validation-pipe errors to 400 VALIDATION_FAILED with every problem', () => {
    const res = toErrorResponse(new BadRequestException(['a must be a string', 'b should not exist']));
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: { problems: ['a must be a string', 'b should not exist'] } },
    });
  });

  it("maps the body parser's own errors: 413 over the limit, 415 for an unsupported charset, 400 otherwise", () => {
    const parserError = (status: number, type: string) =>
      Object.assign(new Error(type), { status, statusCode: status, expose: true, type });
    expect(toErrorResponse(parserError(413, 'entity.too.large'))).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(toErrorResponse(parserError(415, 'charset.unsupported'))).toMatchObject({
      status: 415,
      body: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    expect(toErrorResponse(parserError(400, 'request.aborted'))).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    // Not exposed (a server-side fault): stays a logged 500.
    expect(
      toErrorResponse(Object.assign(new Error('x'), { status: 500, expose: false, type: 'stream.encoding.set' })),
    ).toBeNull();
  });

  it('maps throttling to 429', () => {
    expect(toErrorResponse(new DomainError(ErrorCode.RATE_LIMITED, 'wait'))?.status).toBe(429);
  });

  it('leaves unknown errors to the logged 500 path', () => {
    expect(toErrorResponse(new Error('boom'))).toBeNull();
  });
});
