import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccidentDepartmentPolicyService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { AccidentPolicyBodyDto, AccidentPolicyDto, AccidentPolicyParams } from './accident-policy.schemas';

const { ENFORCEMENT_OFFICER: OFFICER, AGENCY_HEAD: HEAD, DEPARTMENT_ADMIN: ADMIN, SYSTEM_ADMIN: SYSADMIN } = Role;

/** Registered before AccidentsController so these fixed paths win over `/accidents/:id`. */
@ApiTags('accidents')
@ApiBearerAuth()
@Controller('accidents')
export class AccidentPoliciesController {
  constructor(private readonly policies: AccidentDepartmentPolicyService) {}

  @Get('policies/:departmentId')
  @Roles(OFFICER, HEAD, ADMIN, SYSADMIN)
  @Endpoint({
    summary: "The department's own accident-policy overrides and the effective policy (DEFAULTS ← above ← own)",
    response: AccidentPolicyDto,
    errors: [400, 403],
  })
  policy(@CurrentActor() actor: Actor, @Param() { departmentId }: AccidentPolicyParams) {
    return this.policies.policyFor(actor, departmentId);
  }

  @Put('policies/:departmentId')
  @Roles(ADMIN, SYSADMIN)
  @Endpoint({
    summary:
      "Replace the department's accident-policy overrides (the bodies it notifies under 条例 Art.10(1)); applies to cases opened after; audited",
    response: AccidentPolicyDto,
    errors: [400, 403, 404, 413, 415, 422],
  })
  putPolicy(
    @CurrentActor() actor: Actor,
    @Param() { departmentId }: AccidentPolicyParams,
    @Body() body: AccidentPolicyBodyDto,
    @RequestId() requestId?: string,
  ) {
    return this.policies.putPolicy(actor, departmentId, body.overrides, requestId);
  }
}
