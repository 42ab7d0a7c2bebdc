import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DisclosureService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, Public, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams, PageQueryDto } from '../contract/schemas';
import {
  ListingPageDto,
  ListingQueryDto,
  PublicDecisionPageDto,
  PublicListingPageDto,
  RepairDecisionDto,
  RepairDto,
  RepairPageDto,
  RepairQueryDto,
  RepairRequestDto,
} from './enforcement.schemas';

/** 行政执法公示: what anyone may read. Only enterprise-level facts; personal data was masked before storage. */
@ApiTags('public disclosure')
@Controller('public')
export class PublicDisclosureController {
  constructor(private readonly disclosure: DisclosureService) {}

  @Get('penalty-decisions')
  @Public()
  @Endpoint({
    summary:
      'Published penalty decisions (安全生产法 Art.78), newest first; withdrawn ones are not shown (行政处罚法 Art.48)',
    response: PublicDecisionPageDto,
    isPublic: true,
    errors: [400],
  })
  decisions(@Query() page: PageQueryDto) {
    return this.disclosure.listPublic(page);
  }

  @Get('dishonest-entities')
  @Public()
  @Endpoint({
    summary: 'Entities on the serious dishonesty list (严重失信主体名单); repaired ones are removed',
    response: PublicListingPageDto,
    isPublic: true,
    errors: [400],
  })
  dishonest(@Query() page: PageQueryDto) {
    return this.disclosure.listPublicDishonest(page);
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
  @Endpoint({
    summary: 'Listings of your visible departments, any status',
    response: ListingPageDto,
    errors: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() query: ListingQueryDto) {
    return this.disclosure.listDishonest(actor, query);
  }

  @Post('dishonest-entities/:id/repair-requests')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD)
  @Endpoint({
    summary: "Record the enterprise's 信用修复 application (by the listing department; one pending at a time)",
    response: RepairDto,
    status: 201,
    errors: [400, 403, 404, 409, 413, 415],
  })
  request(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: RepairRequestDto,
    @RequestId() requestId?: string,
  ) {
    return this.disclosure.requestRepair(actor, id, body, requestId);
  }

  @Get('credit-repairs')
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN)
  @Endpoint({
    summary: 'Credit-repair applications of your visible departments',
    response: RepairPageDto,
    errors: [400, 403],
  })
  repairs(@CurrentActor() actor: Actor, @Query() query: RepairQueryDto) {
    return this.disclosure.listRepairs(actor, query);
  }

  @Post('credit-repairs/:id/decision')
  @Roles(Role.AGENCY_HEAD)
  @Endpoint({
    summary:
      'Approve (removes the public listing) or reject a credit-repair application; not by the person who recorded it',
    response: RepairDto,
    errors: [400, 403, 404, 409, 413, 415, 422],
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: RepairDecisionDto,
    @RequestId() requestId?: string,
  ) {
    return this.disclosure.decideRepair(actor, id, body, requestId);
  }
}
