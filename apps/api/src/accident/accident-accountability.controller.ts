import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams } from '../contract/schemas';
import { AccidentWorkflowGateway } from './accident-workflow.gateway';
import { AccidentQueries } from './accident.queries';
import { ACTION_ERRORS, CloseAccidentDto, EducationSessionDto } from './accident.schemas';
import { ClosedDto, EducationSessionViewDto, GatesDto } from './accident-views.schemas';

const {
  ENFORCEMENT_OFFICER: OFFICER,
  AGENCY_HEAD: HEAD,
  INVESTIGATION_MEMBER: MEMBER,
  DEPARTMENT_ADMIN: ADMIN,
  SYSTEM_ADMIN: SYSADMIN,
} = Role;

/**
 * 四不放过 (原因未查清不放过, 责任人员未处理不放过, 整改措施未落实不放过, 有关人员未受到教育不放过):
 * the closure gates, warning education and closing the case.
 */
@ApiTags('accidents')
@ApiBearerAuth()
@Controller('accidents/:id')
export class AccidentAccountabilityController {
  constructor(
    private readonly gateway: AccidentWorkflowGateway,
    private readonly queries: AccidentQueries,
  ) {}

  @Post('education-sessions')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary: '警示教育: a session with its attendees (四不放过: 有关人员未受到教育不放过)',
    response: EducationSessionViewDto,
    status: 201,
    errors: [400, 403, 404, 413, 415],
  })
  education(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: EducationSessionDto,
    @RequestId() requestId?: string,
  ) {
    return this.gateway.recordEducation(actor, id, body, requestId);
  }

  @Get('gates')
  @Roles(OFFICER, HEAD, MEMBER, ADMIN, SYSADMIN)
  @Endpoint({
    summary: '四不放过: the four closure gates and what is still missing',
    response: GatesDto,
    errors: [400, 403, 404],
  })
  gates(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.queries.gates(actor, id);
  }

  @Post('close')
  @Roles(HEAD)
  @Endpoint({
    summary: 'Close the case; 422 RULE_VIOLATION with details.missing while any 四不放过 gate is open',
    response: ClosedDto,
    errors: ACTION_ERRORS,
  })
  close(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: CloseAccidentDto,
    @RequestId() requestId?: string,
  ) {
    return this.gateway.close(actor, id, body, requestId);
  }
}
