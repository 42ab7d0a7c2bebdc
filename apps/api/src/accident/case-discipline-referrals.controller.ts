import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { AnyAuthenticated, CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams, PageQueryDto } from '../contract/schemas';
import { DisciplineReferralGateway } from './discipline-referral.gateway';
import { CaseReferralDto, CaseReferralPageDto, ProposeReferralDto } from './discipline-referral.schemas';

/**
 * 线索移交 proposed from any case (国务院令第310号 Art.18–19, 监察法 Art.37): an officer of the case's
 * department proposes, its head approves on the task board, and the lead goes to the discipline body
 * like an accident's. Only the case's own department sees them; to anyone else the case does not exist.
 */
@ApiTags('discipline-referrals')
@ApiBearerAuth()
@Controller('cases/:id/discipline-referrals')
export class CaseDisciplineReferralsController {
  constructor(private readonly referrals: DisciplineReferralGateway) {}

  @Post()
  @Roles(Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD)
  @Endpoint({
    summary:
      "Propose a discipline referral of a public official found in the case, with evidence chosen from the case's attachments; the head of the department approves it (step DISCIPLINE_REFERRAL_APPROVAL)",
    response: CaseReferralDto,
    status: 201,
    errors: [400, 403, 404, 413, 415, 422],
  })
  propose(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: ProposeReferralDto,
    @RequestId() requestId?: string,
  ) {
    return this.referrals.propose(actor, id, body, requestId);
  }

  @Get()
  @AnyAuthenticated()
  @Endpoint({
    summary:
      "Referrals proposed from the case and whether they were answered, newest first: for the case's own department only; audited",
    response: CaseReferralPageDto,
    errors: [400, 404],
  })
  list(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Query() query: PageQueryDto,
    @RequestId() requestId?: string,
  ) {
    return this.referrals.listForCase(actor, id, query, requestId);
  }
}
