import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ArchiveService,
  CaseService,
  DisclosureService,
  DocumentService,
  PenaltyCaseService,
  TaskService,
} from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import {
  changeTaskDeadlineUpdate,
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
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { BoundedIntPipe } from '../common/bounded-int.pipe';
import { PageQuery } from '../common/pagination';
import {
  AmountOwedQuery,
  ChallengeEndedDto,
  ChallengeFiledDto,
  CriminalTransferDto,
  DecisionExtensionDto,
  EvidencePreservationDto,
  HearingRequestDto,
  DesignateHandlersDto,
  PaymentDto,
  StatementDto,
  WaiverDto,
} from './enforcement.dto';
import { PenaltyWorkflowGateway, taskActor } from './penalty-workflow.gateway';

const OFFICER_OR_HEAD = [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD];

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
    private readonly gw: PenaltyWorkflowGateway,
    private readonly penalty: PenaltyCaseService,
    private readonly tasks: TaskService,
  ) {}

  @Post('handlers')
  @Roles(Role.AGENCY_HEAD)
  @ApiOperation({
    summary:
      'Designate handling officers (承办人): credentialed enforcement officers of the case department (行政处罚法 Art.42)',
  })
  designateHandlers(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DesignateHandlersDto,
    @RequestId() rid?: string,
  ) {
    return this.gw.update(a, id, designateHandlersUpdate, dto, rid);
  }

  @Post('evidence-preservations')
  @Roles(Role.ENFORCEMENT_OFFICER)
  @ApiOperation({
    summary:
      '先行登记保存 request during the investigation (行政处罚法 Art.56): head approval, then a decision within 7 working days',
  })
  preserve(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EvidencePreservationDto,
    @RequestId() rid?: string,
  ) {
    return this.gw.update(a, id, requestEvidencePreservationUpdate, dto, rid);
  }

  @Post('statements')
  @Roles(...OFFICER_OR_HEAD)
  @ApiOperation({
    summary:
      "Record the party's statement or defence (陈述申辩, Art.44–45) inside its window; 422 DEADLINE_PASSED after it",
  })
  statement(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StatementDto,
    @RequestId() rid?: string,
  ) {
    return this.gw.update(a, id, recordStatementUpdate, dto, rid);
  }

  @Post('hearing-request')
  @Roles(...OFFICER_OR_HEAD)
  @ApiOperation({
    summary:
      "Record the party's hearing request (Art.63–64): within 5 working days of the notice, else 422 DEADLINE_PASSED",
  })
  hearing(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: HearingRequestDto,
    @RequestId() rid?: string,
  ) {
    return this.gw.update(a, id, requestHearingUpdate, dto, rid);
  }

  @Post('waivers')
  @Roles(...OFFICER_OR_HEAD)
  @ApiOperation({
    summary:
      "Record the party's signed waiver of the statement and/or hearing; the case moves on without waiting out the window",
  })
  waiver(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WaiverDto,
    @RequestId() rid?: string,
  ) {
    return this.gw.update(a, id, recordWaiverUpdate, dto, rid);
  }

  @Post('decision-extensions')
  @Roles(Role.AGENCY_HEAD)
  @ApiOperation({
    summary:
      'Extend the decision period (Art.60; bounded by policy: count and total days); moves an open decision step too',
  })
  async extend(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecisionExtensionDto,
    @RequestId() rid?: string,
  ) {
    const res = await this.gw.update(a, id, extendDecisionDeadlineUpdate, dto, rid);
    const dueAt = res.detail?.decisionDueAt;
    if (typeof dueAt === 'string') {
      const c = await this.gw.penaltyCase(a, id, { acting: true });
      const open = (await this.tasks.listForCase(id)).find(
        (t) => t.type === 'PENALTY_DECISION' && (t.status === 'OPEN' || t.status === 'CLAIMED'),
      );
      if (open) {
        await this.gw.client.workflow.getHandle(c.workflowId).executeUpdate(changeTaskDeadlineUpdate, {
          args: [
            { taskKey: open.taskKey, actor: taskActor(a), dueAt, reason: `决定期限延长 ${dto.days} 日：${dto.reason}` },
          ],
        });
      }
    }
    return res;
  }

  @Post('payments')
  @Roles(...OFFICER_OR_HEAD)
  @ApiOperation({ summary: 'Record a payment of the fine (Art.67); over-payment beyond fine + surcharge is refused' })
  pay(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PaymentDto,
    @RequestId() rid?: string,
  ) {
    return this.gw.update(a, id, recordPaymentUpdate, dto, rid);
  }

  @Get('amount-owed')
  @ApiOperation({
    summary:
      'Fine, 加处罚款 (3%/day after the due date, capped at the fine, paused while 复议/诉讼 is pending; Art.72, 73) and payments as of a date',
  })
  async owed(@CurrentActor() a: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: AmountOwedQuery) {
    const s = await this.gw.state(a, id);
    if (!s.procedure) throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'the case has no decision yet');
    return this.penalty.amountOwed(s.procedure, q.asOf);
  }

  @Get('continuing-daily-fine')
  @ApiOperation({
    summary:
      '按日连续处罚 (安全生产法 Art.112) for a case opened after an unobeyed rectification order: the original fine per day from the day after the order, up to `asOf`',
  })
  async continuingFine(@CurrentActor() a: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: AmountOwedQuery) {
    const c = await this.gw.penaltyCase(a, id, { acting: false });
    const s = await this.gw.state(a, id);
    return this.penalty.continuingDailyFine(c.data, s.procedure, q.asOf);
  }

  @Post('challenges')
  @Roles(...OFFICER_OR_HEAD)
  @ApiOperation({ summary: 'Record that the party applied for 行政复议 or sued (surcharge stops accruing, Art.73)' })
  challenge(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChallengeFiledDto,
    @RequestId() rid?: string,
  ) {
    return this.gw.update(a, id, recordChallengeFiledUpdate, dto, rid);
  }

  @Post('challenges/:seq/end')
  @HttpCode(200)
  @Roles(...OFFICER_OR_HEAD)
  @ApiOperation({
    summary: 'Record the end of a challenge; REVOKED/CHANGED withdraw the publication within 3 working days (Art.48)',
  })
  challengeEnd(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('seq', new BoundedIntPipe('seq', 1, 10_000)) seq: number,
    @Body() dto: ChallengeEndedDto,
    @RequestId() rid?: string,
  ) {
    return this.gw.update(a, id, recordChallengeEndedUpdate, { ...dto, seq }, rid);
  }

  @Post('criminal-transfers')
  @Roles(...OFFICER_OR_HEAD)
  @ApiOperation({
    summary:
      'Propose 涉嫌犯罪案件移送 at any step; starts the criminal-transfer workflow; fines are blocked meanwhile (Art.27, 82)',
  })
  transfer(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CriminalTransferDto,
    @RequestId() rid?: string,
  ) {
    return this.gw.update(a, id, proposeCriminalTransferUpdate, dto, rid);
  }
}

/** Documents, publications and the archive of a case (any case type for documents). */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class CaseDocumentsController {
  constructor(
    private readonly gw: PenaltyWorkflowGateway,
    private readonly cases: CaseService,
    private readonly documents: DocumentService,
    private readonly disclosure: DisclosureService,
    private readonly archive: ArchiveService,
  ) {}

  @Get('cases/:id/documents')
  @ApiOperation({ summary: 'Numbered documents (执法文书) issued for the case' })
  async list(@CurrentActor() a: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: PageQuery) {
    await this.cases.getVisible(a, id);
    return this.documents.listForCase(id, q.offset, q.limit);
  }

  @Get('documents/:id/html')
  @ApiOperation({ summary: 'The printable HTML of a document, with its SHA-256 in x-content-sha256' })
  async html(@CurrentActor() a: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    const d = await this.documents.html(a, id);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('x-content-sha256', d.sha256);
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(d.html);
  }

  @Get('cases/:id/publications')
  @ApiOperation({ summary: 'Publications of the case decision, including withdrawn ones' })
  async publications(@CurrentActor() a: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: PageQuery) {
    await this.gw.penaltyCase(a, id, { acting: false });
    const all = await this.disclosure.listForCase(id);
    return { items: all.slice(q.offset, q.offset + q.limit), total: all.length, offset: q.offset, limit: q.limit };
  }

  @Get('cases/:id/archive')
  @ApiOperation({ summary: 'The archived case file (documents, steps, audit timeline) and its SHA-256' })
  async archived(@CurrentActor() a: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.archive.getArchive(a, id);
  }
}
