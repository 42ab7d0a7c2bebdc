import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, Role } from '@safety/domain/identity/roles';
import { AnyAuthenticated, CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint, FileEndpoint } from '../contract/endpoint.decorator';
import { IdParams, PageQueryDto } from '../contract/schemas';
import { sendAttachment } from '../common/evidence-download';
import { CaseQueries } from './case.queries';
import {
  AttachDto,
  AttachmentDto,
  AttachmentListDto,
  AttachmentParams,
  CaseDetailDto,
  CaseDto,
  CaseListQueryDto,
  CasePageDto,
  CreatePenaltyCaseDto,
  RecordVerificationDto,
  TimelinePageDto,
} from './case.schemas';

@ApiTags('cases')
@ApiBearerAuth()
// Any signed-in user may call these; which cases and tasks they see is decided per row by jurisdiction.
@AnyAuthenticated()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CaseQueries) {}

  @Post('penalty')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD)
  @Endpoint({
    summary:
      'Open a penalty case (行政处罚一般程序) and start its workflow together (both or neither); its first step is 立案审批',
    response: CaseDto,
    status: 201,
    errors: [400, 403, 404, 413, 415, 422],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePenaltyCaseDto, @RequestId() requestId?: string) {
    return this.cases.openPenaltyCase(actor, body, requestId);
  }

  @Get()
  @Endpoint({
    summary: 'Cases of your department (and the levels below for supervisors), newest first',
    description: '`departmentId` outside your jurisdiction answers 403 FORBIDDEN_JURISDICTION.',
    response: CasePageDto,
    errors: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() query: CaseListQueryDto) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @Endpoint({
    summary: 'One case with its live workflow state and its tasks',
    response: CaseDetailDto,
    errors: [400, 403, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.cases.detail(actor, id);
  }

  @Get(':id/timeline')
  @Endpoint({
    summary: 'The full-process record (执法全过程记录) of the case, oldest first',
    response: TimelinePageDto,
    errors: [400, 403, 404],
  })
  timeline(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Query() page: PageQueryDto) {
    return this.cases.timeline(actor, id, page);
  }

  @Get(':id/record-verification')
  @AnyAuthenticated()
  @Endpoint({
    summary:
      "Verifies the case's rows of the full-process record (each row's hash against its content and link); the first broken row if any",
    response: RecordVerificationDto,
    errors: [400, 403, 404],
  })
  recordVerification(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.cases.recordVerification(actor, id);
  }

  @Post(':id/attachments')
  @Endpoint({
    summary: 'Attach evidence (a file, stored with its SHA-256) or a note to the case or one of its steps',
    response: AttachmentDto,
    status: 201,
    errors: [400, 403, 404, 413, 415],
  })
  attach(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: AttachDto,
    @RequestId() requestId?: string,
  ) {
    return this.cases.attach(actor, id, body, requestId);
  }

  @Get(':id/attachments')
  @Endpoint({ summary: 'Evidence and notes of the case', response: AttachmentListDto, errors: [400, 403, 404] })
  attachments(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.cases.attachments(actor, id);
  }

  @Get(':id/attachments/:attachmentId/content')
  @FileEndpoint({
    summary: 'Download one attachment (always as a file: Content-Disposition attachment, nosniff, a sandboxing CSP)',
    produces: 'application/octet-stream',
    description: 'The stored bytes; x-content-sha256 carries their SHA-256',
    errors: [400, 403, 404],
  })
  async content(@CurrentActor() actor: Actor, @Param() params: AttachmentParams, @Res() res: Response) {
    sendAttachment(res, await this.cases.attachmentContent(actor, params.id, params.attachmentId));
  }
}
