import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams } from '../contract/schemas';
import { CompletionDto } from '../tasks/task.schemas';
import { AccidentWorkflowGateway } from './accident-workflow.gateway';
import {
  ACTION_ERRORS,
  AppraisalDto,
  ApprovalDto,
  ExtensionDto,
  FormTeamDto,
  InvestigationReportDto,
  SupervisedListingDto,
} from './accident.schemas';
import { ClockDto, ListingStateDto } from './accident-views.schemas';

const { AGENCY_HEAD: HEAD, INVESTIGATION_MEMBER: MEMBER } = Role;

/**
 * 事故调查 (条例 Art.22–32): the team, the investigation clock (technical appraisals, the one
 * extension), supervised listing, the report and its 批复. Steps answer like POST /tasks/{id}/complete;
 * messages answer with what the workflow changed.
 */
@ApiTags('accidents')
@ApiBearerAuth()
@Controller('accidents/:id')
export class AccidentInvestigationController {
  constructor(private readonly gateway: AccidentWorkflowGateway) {}

  @Post('team')
  @Roles(HEAD)
  @Endpoint({
    summary:
      '组建事故调查组 (条例 Art.22): lead + members (INVESTIGATION_MEMBER; DISCIPLINE members from the discipline body), police, trade union; procuratorate invited',
    response: CompletionDto,
    errors: ACTION_ERRORS,
  })
  team(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: FormTeamDto,
    @RequestId() requestId?: string,
  ) {
    return this.gateway.formTeam(actor, id, body, requestId);
  }

  @Post('appraisals/start')
  @Roles(HEAD, MEMBER)
  @Endpoint({
    summary: 'A technical appraisal starts: the investigation clock stops (条例 Art.27)',
    response: ClockDto,
    errors: ACTION_ERRORS,
  })
  appraisalStart(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: AppraisalDto) {
    return this.gateway.appraisal(actor, id, 'START', body);
  }

  @Post('appraisals/end')
  @Roles(HEAD, MEMBER)
  @Endpoint({
    summary: 'The technical appraisal ends: the clock runs again, its due date moved by the paused days',
    response: ClockDto,
    errors: ACTION_ERRORS,
  })
  appraisalEnd(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: AppraisalDto) {
    return this.gateway.appraisal(actor, id, 'END', body);
  }

  @Post('investigation/extension')
  @Roles(HEAD)
  @Endpoint({
    summary: 'Approve the one extension of ≤ 60 days (条例 Art.29); the due date and its timer move',
    response: ClockDto,
    errors: ACTION_ERRORS,
  })
  extend(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: ExtensionDto) {
    return this.gateway.extend(actor, id, body);
  }

  @Post('supervised-listing')
  @Roles(HEAD)
  @Endpoint({
    summary:
      '挂牌督办 by a higher level: its own deadline (UNVERIFIED default 60 days) and periodic progress-report tasks',
    response: ListingStateDto,
    errors: ACTION_ERRORS,
  })
  supervisedListing(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() body: SupervisedListingDto) {
    return this.gateway.superviseListing(actor, id, body);
  }

  @Post('report')
  @Roles(MEMBER, HEAD)
  @Endpoint({
    summary:
      'The team lead submits the investigation report: causes, responsible parties with proposed handling, rectification and education measures',
    response: CompletionDto,
    errors: ACTION_ERRORS,
  })
  submitReport(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: InvestigationReportDto,
    @RequestId() requestId?: string,
  ) {
    return this.gateway.submitReport(actor, id, body, requestId);
  }

  @Post('approval')
  @Roles(HEAD)
  @Endpoint({
    summary:
      '批复 (条例 Art.32): APPROVE publishes the report and, in the same step, opens penalty cases, discipline referrals and criminal transfers; RETURN sends it back',
    response: CompletionDto,
    errors: ACTION_ERRORS,
  })
  approve(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: ApprovalDto,
    @RequestId() requestId?: string,
  ) {
    return this.gateway.decideReport(actor, id, body, requestId);
  }
}
