import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { ClientAddress, CurrentActor, Public, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams } from '../contract/schemas';
import { ComplaintGateway } from './complaint.gateway';
import {
  ComplaintDepartmentListDto,
  ComplaintDetailDto,
  ComplaintListQueryDto,
  ComplaintPageDto,
  ComplaintPolicyBodyDto,
  ComplaintPolicyDto,
  ComplaintPolicyParams,
  ComplaintReceiptDto,
  ComplaintStatisticsDto,
  ComplaintStatisticsQueryDto,
  PublicComplaintDto,
  PublicComplaintStatusDto,
  PublicReceiptDto,
  RegisterComplaintDto,
  TrackingParams,
  TrackingQueryDto,
} from './complaint.schemas';

const { ENFORCEMENT_OFFICER: OFFICER, AGENCY_HEAD: HEAD, DEPARTMENT_ADMIN, SYSTEM_ADMIN } = Role;

/** 投诉举报 (12350), the public side: intake without an account, and the informant's lookup. Throttled per address. */
@ApiTags('public')
@Controller('public/complaints')
export class PublicComplaintsController {
  constructor(private readonly complaints: ComplaintGateway) {}

  @Public()
  @Post()
  @Endpoint({
    summary: 'Send a complaint or tip-off (no account); answers the tracking code and a secret shown only once',
    response: PublicReceiptDto,
    status: 201,
    errors: [400, 413, 415, 429],
    isPublic: true,
  })
  file(@Body() body: PublicComplaintDto, @ClientAddress() address: string, @RequestId() requestId?: string) {
    return this.complaints.fileOnline(body, address, requestId);
  }

  @Public()
  @Get(':code')
  @Endpoint({
    summary: 'The status and feedback of a complaint, with its secret; anything else answers 404',
    response: PublicComplaintStatusDto,
    errors: [400, 404, 429],
    isPublic: true,
  })
  track(
    @Param() { code }: TrackingParams,
    @Query() { secret }: TrackingQueryDto,
    @ClientAddress() address: string,
    @RequestId() requestId?: string,
  ) {
    return this.complaints.track(code, secret, address, requestId);
  }
}

/** The departments a member of the public may address when the enterprise is not in the directory. */
@ApiTags('public')
@Controller('public/complaint-departments')
export class PublicComplaintDepartmentsController {
  constructor(private readonly complaints: ComplaintGateway) {}

  @Public()
  @Get()
  @Endpoint({
    summary: 'Departments that receive complaints (work-safety supervisors), top level first',
    response: ComplaintDepartmentListDto,
    errors: [],
    isPublic: true,
  })
  departments() {
    return this.complaints.receivingDepartments();
  }
}

/** 投诉举报 (12350), the officers' side. Steps are completed through /tasks like every case's. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintGateway) {}

  @Post()
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary:
      'Register a complaint received by phone (12350), letter or in person; answers its tracking code and secret',
    response: ComplaintReceiptDto,
    status: 201,
    errors: [400, 403, 413, 415],
  })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterComplaintDto, @RequestId() requestId?: string) {
    return this.complaints.register(actor, body, requestId);
  }

  @Get()
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary: 'Complaints your department handles (heads: and those below), newest received first; never the informant',
    response: ComplaintPageDto,
    errors: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() query: ComplaintListQueryDto, @RequestId() requestId?: string) {
    return this.complaints.list(actor, query, requestId);
  }

  @Get('statistics')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary:
      'Received, accepted, transferred, verified-true rate, on-time feedback rate and rewards paid, by channel or sector',
    response: ComplaintStatisticsDto,
    errors: [400, 403],
  })
  statistics(@CurrentActor() actor: Actor, @Query() query: ComplaintStatisticsQueryDto) {
    return this.complaints.statistics(actor, query);
  }

  @Get('policies/:departmentId')
  @Roles(OFFICER, HEAD, DEPARTMENT_ADMIN, SYSTEM_ADMIN)
  @Endpoint({
    summary: "The department's own complaint-policy overrides and the effective policy (DEFAULTS ← levels above ← own)",
    response: ComplaintPolicyDto,
    errors: [400, 403],
  })
  policy(@CurrentActor() actor: Actor, @Param() { departmentId }: ComplaintPolicyParams) {
    return this.complaints.policy(actor, departmentId);
  }

  @Put('policies/:departmentId')
  @Roles(DEPARTMENT_ADMIN, SYSTEM_ADMIN)
  @Endpoint({
    summary: "Replace the department's complaint-policy overrides (periods, warning lead, reward tiers); audited",
    response: ComplaintPolicyDto,
    errors: [400, 403, 404, 413, 415, 422],
  })
  putPolicy(
    @CurrentActor() actor: Actor,
    @Param() { departmentId }: ComplaintPolicyParams,
    @Body() body: ComplaintPolicyBodyDto,
    @RequestId() requestId?: string,
  ) {
    return this.complaints.putPolicy(actor, departmentId, body.overrides, requestId);
  }

  @Get(':id')
  @Roles(OFFICER, HEAD)
  @Endpoint({
    summary: 'One complaint; the informant only for its registering and handling officers (audited)',
    response: ComplaintDetailDto,
    errors: [400, 403, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.complaints.detail(actor, id, requestId);
  }
}
