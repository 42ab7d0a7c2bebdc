import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DisclosureService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, Public, RequestId, Roles } from '../auth/auth.decorators';
import { OffsetPageQuery } from '../common/pagination';
import { ListingQuery, RepairDecisionDto, RepairQuery, RepairRequestDto } from './enforcement.dto';

/** 行政执法公示: what anyone may read. Only enterprise-level facts; personal data was masked before storage. */
@ApiTags('public disclosure')
@Controller('public')
export class PublicDisclosureController {
  constructor(private readonly disclosure: DisclosureService) {}

  @Get('penalty-decisions')
  @Public()
  @ApiOperation({
    summary:
      'Published penalty decisions (安全生产法 Art.78), newest first; withdrawn ones are not shown (行政处罚法 Art.48)',
  })
  decisions(@Query() q: OffsetPageQuery) {
    return this.disclosure.listPublic(q.offset, q.limit);
  }

  @Get('dishonest-entities')
  @Public()
  @ApiOperation({ summary: 'Entities on the serious dishonesty list (严重失信主体名单); repaired ones are removed' })
  dishonest(@Query() q: OffsetPageQuery) {
    return this.disclosure.listPublicDishonest(q.offset, q.limit);
  }
}

/** The dishonest list and 信用修复, for the agency. */
@ApiTags('credit')
@ApiBearerAuth()
@Controller()
export class CreditController {
  constructor(private readonly disclosure: DisclosureService) {}

  @Get('dishonest-entities')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD, Role.LEGAL_REVIEWER, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Listings of your visible departments, any status' })
  list(@CurrentActor() a: Actor, @Query() q: ListingQuery) {
    return this.disclosure.listDishonest(a, q);
  }

  @Post('dishonest-entities/:id/repair-requests')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD)
  @ApiOperation({ summary: "Record the enterprise's 信用修复 application" })
  request(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RepairRequestDto,
    @RequestId() rid?: string,
  ) {
    return this.disclosure.requestRepair(a, id, dto, rid);
  }

  @Get('credit-repairs')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Credit-repair applications of your visible departments' })
  repairs(@CurrentActor() a: Actor, @Query() q: RepairQuery) {
    return this.disclosure.listRepairs(a, q);
  }

  @Post('credit-repairs/:id/decision')
  @HttpCode(200)
  @Roles(Role.AGENCY_HEAD)
  @ApiOperation({
    summary:
      'Approve (removes the public listing) or reject a credit-repair application; not by the person who recorded it',
  })
  decide(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RepairDecisionDto,
    @RequestId() rid?: string,
  ) {
    return this.disclosure.decideRepair(a, id, dto, rid);
  }
}
