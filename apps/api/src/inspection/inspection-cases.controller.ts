import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint, ErrorStatus } from '../contract/endpoint.decorator';
import { IdParams } from '../contract/schemas';
import { CaseDto } from '../cases/case.view';
import { InspectionCaseQueries } from './inspection-case.queries';
import {
  InspectionCasePageDto,
  CaseStatusQueryDto,
  CriminalTransferDetailDto,
  InspectionDetailDto,
  OpenInspectionDto,
  ProposeTransferDto,
  SimplePenaltyDecidedDto,
  SimplePenaltyDetailDto,
  SimplePenaltyDto,
} from './inspection-cases.schemas';

const CASE_READERS = [
  Role.ENFORCEMENT_OFFICER,
  Role.AGENCY_HEAD,
  Role.LEGAL_REVIEWER,
  Role.DEPARTMENT_ADMIN,
  Role.SYSTEM_ADMIN,
];
/** What opening a case of this area can answer besides success (the rules broken are 422, a taken target 409). */
const OPEN_ERRORS: ErrorStatus[] = [400, 403, 404, 409, 413, 415, 422];
const DETAIL_ERRORS: ErrorStatus[] = [400, 403, 404];

@ApiTags('inspections, simple procedure, criminal transfers')
@ApiBearerAuth()
@Controller()
export class InspectionCasesController {
  constructor(private readonly cases: InspectionCaseQueries) {}

  // ---- inspections ----

  @Post('inspections')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD)
  @Endpoint({
    summary:
      'Open an on-site inspection, from a drawn target or ad hoc (四不两直 flag); ≥ 2 credentialed officers without a conflict',
    response: CaseDto,
    status: 201,
    errors: OPEN_ERRORS,
  })
  open(@CurrentActor() actor: Actor, @Body() body: OpenInspectionDto, @RequestId() requestId?: string) {
    return this.cases.openInspection(actor, body, requestId);
  }

  @Get('inspections')
  @Roles(...CASE_READERS)
  @Endpoint({
    summary: 'Inspections of your department (and the levels below for supervisors), newest first',
    response: InspectionCasePageDto,
    errors: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() query: CaseStatusQueryDto) {
    return this.cases.list(actor, 'INSPECTION', query);
  }

  @Get('inspections/:id')
  @Roles(...CASE_READERS)
  @Endpoint({
    summary: 'An inspection with its findings, orders, measures, linked cases, live workflow state and steps',
    response: InspectionDetailDto,
    errors: DETAIL_ERRORS,
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.cases.inspection(actor, id, requestId);
  }

  // ---- 简易程序 ----

  @Post('simple-penalties')
  @Roles(Role.ENFORCEMENT_OFFICER)
  @Endpoint({
    summary:
      '当场处罚 (行政处罚法 Art.51): ≤ 200 yuan individual / ≤ 3,000 organisation or a warning (422 beyond); cash only ≤ 100 yuan; numbered form; filing and cash hand-in tracked',
    response: SimplePenaltyDecidedDto,
    status: 201,
    errors: OPEN_ERRORS,
  })
  decide(@CurrentActor() actor: Actor, @Body() body: SimplePenaltyDto, @RequestId() requestId?: string) {
    return this.cases.decideSimplePenalty(actor, body, requestId);
  }

  @Get('simple-penalties')
  @Roles(...CASE_READERS)
  @Endpoint({
    summary: '简易程序 decisions of your department (and the levels below for supervisors), newest first',
    response: InspectionCasePageDto,
    errors: [400, 403],
  })
  listSimple(@CurrentActor() actor: Actor, @Query() query: CaseStatusQueryDto) {
    return this.cases.list(actor, 'SIMPLE_PENALTY', query);
  }

  @Get('simple-penalties/:id')
  @Roles(...CASE_READERS)
  @Endpoint({
    summary:
      "A 简易程序 decision with its follow-up (filing, cash hand-in) and steps; an individual party's name is shown and the read audited",
    response: SimplePenaltyDetailDto,
    errors: DETAIL_ERRORS,
  })
  getSimple(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.cases.simplePenalty(actor, id, requestId);
  }

  // ---- 行刑衔接 ----

  @Post('criminal-transfers')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD)
  @Endpoint({
    summary:
      'Propose transferring a suspected crime to the police (国务院令第310号): team of ≥ 2 officers; the head decides within 3 days. From a penalty case the proposal goes through that case (its handlers form the team; one pending transfer at a time, 409)',
    response: CaseDto,
    status: 201,
    errors: OPEN_ERRORS,
  })
  propose(@CurrentActor() actor: Actor, @Body() body: ProposeTransferDto, @RequestId() requestId?: string) {
    return this.cases.proposeTransfer(actor, body, requestId);
  }

  @Get('criminal-transfers')
  @Roles(...CASE_READERS)
  @Endpoint({
    summary: 'Criminal transfers of your department (and the levels below for supervisors), newest first',
    response: InspectionCasePageDto,
    errors: [400, 403],
  })
  listTransfers(@CurrentActor() actor: Actor, @Query() query: CaseStatusQueryDto) {
    return this.cases.list(actor, 'CRIMINAL_TRANSFER', query);
  }

  @Get('criminal-transfers/:id')
  @Roles(...CASE_READERS)
  @Endpoint({
    summary: 'A criminal transfer with the head decision, handover, police answers, live workflow state and steps',
    response: CriminalTransferDetailDto,
    errors: DETAIL_ERRORS,
  })
  getTransfer(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.cases.criminalTransfer(actor, id, requestId);
  }
}
