import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, Role } from '@safety/domain/identity/roles';
import {
  designateHandlersUpdate,
  extendDecisionDeadlineUpdate,
  proposeCriminalTransferUpdate,
  recordChallengeEndedUpdate,
  recordChallengeFiledUpdate,
  recordPaymentUpdate,
  recordStatementUpdate,
  recordWaiverUpdate,
  requestEvidencePreservationUpdate,
  requestHearingUpdate,
} from '@safety/temporal';
import { CurrentActor, IdempotencyKey, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint, ErrorStatus, FileEndpoint } from '../contract/endpoint.decorator';
import { IdParams, PageQueryDto } from '../contract/schemas';
import { PenaltyWorkflowGateway } from './penalty-workflow.gateway';
import { PenaltyQueries } from './penalty.queries';
import {
  AmountOwedDto,
  ArchiveDto,
  AsOfQueryDto,
  ChallengeEndedDto,
  ChallengeFiledDto,
  ChallengeParams,
  ContinuingDailyFineDto,
  CriminalTransferDto,
  DecisionExtensionDto,
  DesignateHandlersDto,
  DocumentPageDto,
  EvidencePreservationDto,
  HandlersResultDto,
  HearingRequestDto,
  PaymentDto,
  PenaltyEventResultDto,
  PublicationPageDto,
  StatementDto,
  WaiverDto,
} from './penalty.schemas';

const OFFICER_OR_HEAD = [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD];
/** What a message to the case workflow can answer besides success. */
const MESSAGE_ERRORS: ErrorStatus[] = [400, 403, 404, 409, 413, 415, 422];

/**
 * Non-task actions of a penalty case (行政处罚一般程序). Each is an Update to the case workflow, whose
 * validator answers with the verdict (409 out of order, 422 deadline passed / rule, 403 …); the
 * workflow audits what it accepts.
 */
@ApiTags('penalty cases')
@ApiBearerAuth()
@Controller('cases/penalty/:id')
export class PenaltyCaseController {
  constructor(
    private readonly gateway: PenaltyWorkflowGateway,
    private readonly queries: PenaltyQueries,
  ) {}

  @Post('handlers')
  @Roles(Role.AGENCY_HEAD)
  @Endpoint({
    summary:
      'Designate handling officers (承办人): credentialed enforcement officers of the case department (行政处罚法 Art.42)',
    response: HandlersResultDto,
    status: 201,
    errors: MESSAGE_ERRORS,
  })
  designateHandlers(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: DesignateHandlersDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, designateHandlersUpdate, body, { requestId, idempotencyKey });
  }

  @Post('evidence-preservations')
  @Roles(Role.ENFORCEMENT_OFFICER)
  @Endpoint({
    summary:
      '先行登记保存 request during the investigation (行政处罚法 Art.56): head approval, then a decision within 7 working days',
    response: PenaltyEventResultDto,
    status: 201,
    errors: MESSAGE_ERRORS,
  })
  preserve(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: EvidencePreservationDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, requestEvidencePreservationUpdate, body, { requestId, idempotencyKey });
  }

  @Post('statements')
  @Roles(...OFFICER_OR_HEAD)
  @Endpoint({
    summary:
      "Record the party's statement or defence (陈述申辩, Art.44–45) inside its window; 422 DEADLINE_PASSED after it",
    response: PenaltyEventResultDto,
    status: 201,
    errors: MESSAGE_ERRORS,
  })
  statement(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: StatementDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, recordStatementUpdate, body, { requestId, idempotencyKey });
  }

  @Post('hearing-request')
  @Roles(...OFFICER_OR_HEAD)
  @Endpoint({
    summary:
      "Record the party's hearing request (Art.63–64): within 5 working days of the notice, else 422 DEADLINE_PASSED",
    response: PenaltyEventResultDto,
    status: 201,
    errors: MESSAGE_ERRORS,
  })
  hearing(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: HearingRequestDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, requestHearingUpdate, body, { requestId, idempotencyKey });
  }

  @Post('waivers')
  @Roles(...OFFICER_OR_HEAD)
  @Endpoint({
    summary:
      "Record the party's signed waiver of the statement and/or hearing; the case moves on without waiting out the window",
    response: PenaltyEventResultDto,
    status: 201,
    errors: MESSAGE_ERRORS,
  })
  waiver(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: WaiverDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, recordWaiverUpdate, body, { requestId, idempotencyKey });
  }

  @Post('decision-extensions')
  @Roles(Role.AGENCY_HEAD)
  @Endpoint({
    summary:
      'Extend the decision period (Art.60; bounded by policy: count and total days); the workflow moves its open steps that follow the period',
    response: PenaltyEventResultDto,
    status: 201,
    errors: MESSAGE_ERRORS,
  })
  extend(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: DecisionExtensionDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, extendDecisionDeadlineUpdate, body, { requestId, idempotencyKey });
  }

  @Post('payments')
  @Roles(...OFFICER_OR_HEAD)
  @Endpoint({
    summary: 'Record a payment of the fine (Art.67); over-payment beyond fine + surcharge is refused',
    response: PenaltyEventResultDto,
    status: 201,
    errors: MESSAGE_ERRORS,
  })
  pay(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: PaymentDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, recordPaymentUpdate, body, { requestId, idempotencyKey });
  }

  @Get('amount-owed')
  @Endpoint({
    summary:
      'Fine, 加处罚款 (3%/day after the due date, capped at the fine, paused while 复议/诉讼 is pending; Art.72, 73) and payments as of a date',
    response: AmountOwedDto,
    errors: [400, 403, 404, 409],
  })
  owed(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Query() query: AsOfQueryDto) {
    return this.queries.amountOwed(actor, id, query.asOf);
  }

  @Get('continuing-daily-fine')
  @Endpoint({
    summary:
      '按日连续处罚 (安全生产法 Art.112) for a case opened after an unobeyed rectification order: the original fine per day from the day after the order, up to `asOf`',
    response: ContinuingDailyFineDto,
    errors: [400, 403, 404, 409, 422],
  })
  continuingFine(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Query() query: AsOfQueryDto) {
    return this.queries.continuingDailyFine(actor, id, query.asOf);
  }

  @Post('challenges')
  @Roles(...OFFICER_OR_HEAD)
  @Endpoint({
    summary: 'Record that the party applied for 行政复议 or sued (surcharge stops accruing, Art.73)',
    response: PenaltyEventResultDto,
    status: 201,
    errors: MESSAGE_ERRORS,
  })
  challenge(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: ChallengeFiledDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, recordChallengeFiledUpdate, body, { requestId, idempotencyKey });
  }

  @Post('challenges/:seq/end')
  @Roles(...OFFICER_OR_HEAD)
  @Endpoint({
    summary: 'Record the end of a challenge; REVOKED/CHANGED withdraw the publication within 3 working days (Art.48)',
    response: PenaltyEventResultDto,
    errors: MESSAGE_ERRORS,
  })
  challengeEnd(
    @CurrentActor() actor: Actor,
    @Param() { id, seq }: ChallengeParams,
    @Body() body: ChallengeEndedDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, recordChallengeEndedUpdate, { ...body, seq }, { requestId, idempotencyKey });
  }

  @Post('criminal-transfers')
  @Roles(...OFFICER_OR_HEAD)
  @Endpoint({
    summary:
      'Propose 涉嫌犯罪案件移送 at any step; starts the criminal-transfer workflow; fines are blocked meanwhile (Art.27, 82)',
    response: PenaltyEventResultDto,
    status: 201,
    errors: MESSAGE_ERRORS,
  })
  transfer(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: CriminalTransferDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.gateway.message(actor, id, proposeCriminalTransferUpdate, body, { requestId, idempotencyKey });
  }
}

/** Documents, publications and the archive of a case (any case type for documents). */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class CaseDocumentsController {
  constructor(private readonly queries: PenaltyQueries) {}

  @Get('cases/:id/documents')
  @Endpoint({
    summary: 'Numbered documents (执法文书) issued for the case',
    response: DocumentPageDto,
    errors: [400, 403, 404],
  })
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Query() page: PageQueryDto) {
    return this.queries.documentsOf(actor, id, page);
  }

  @Get('documents/:id/html')
  @FileEndpoint({
    summary: 'The printable HTML of a document, with its SHA-256 in x-content-sha256',
    produces: 'text/html',
    description: 'The document as printable HTML (no scripts; styles inline only)',
    errors: [400, 403, 404],
  })
  async html(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Res() res: Response) {
    const document = await this.queries.documentHtml(actor, id);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('x-content-sha256', document.sha256);
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(document.html);
  }

  @Get('cases/:id/publications')
  @Endpoint({
    summary: 'Publications of the case decision, including withdrawn ones',
    response: PublicationPageDto,
    errors: [400, 403, 404],
  })
  publications(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Query() page: PageQueryDto) {
    return this.queries.publicationsOf(actor, id, page);
  }

  @Get('cases/:id/archive')
  @Endpoint({
    summary: 'The archived case file (documents, steps, audit timeline) and its SHA-256',
    response: ArchiveDto,
    errors: [400, 403, 404],
  })
  archived(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.queries.archiveOf(actor, id);
  }
}
