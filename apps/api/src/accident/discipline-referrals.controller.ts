import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { AttachmentParams } from '../cases/case.schemas';
import { sendAttachment } from '../common/evidence-download';
import { Endpoint, FileEndpoint } from '../contract/endpoint.decorator';
import { IdParams } from '../contract/schemas';
import { CompletionDto } from '../tasks/task.schemas';
import { DisciplineReferralGateway } from './discipline-referral.gateway';
import {
  ReferralDetailDto,
  ReferralListQueryDto,
  ReferralPageDto,
  ReferralResultDto,
} from './discipline-referral.schemas';

const { AGENCY_HEAD: HEAD, DISCIPLINE_BODY: DISCIPLINE } = Role;

/**
 * 线索移交 to the discipline inspection / supervision body. Visible only to the sending department's
 * heads and the receiving body (403 for everyone else); every read is audited; never public.
 */
@ApiTags('discipline-referrals')
@ApiBearerAuth()
@Controller('discipline-referrals')
export class DisciplineReferralsController {
  constructor(private readonly referrals: DisciplineReferralGateway) {}

  @Get()
  @Roles(HEAD, DISCIPLINE)
  @Endpoint({
    summary: 'Referrals your department sent (heads) or received (discipline body), newest first; the read is audited',
    response: ReferralPageDto,
    errors: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() query: ReferralListQueryDto, @RequestId() requestId?: string) {
    return this.referrals.list(actor, query, requestId);
  }

  @Get(':id')
  @Roles(HEAD, DISCIPLINE)
  @Endpoint({
    summary: 'One referral with its evidence bundle (report excerpt + attachment list); audited',
    response: ReferralDetailDto,
    errors: [400, 403, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.referrals.detail(actor, id, requestId);
  }

  @Get(':id/attachments/:attachmentId/content')
  @Roles(HEAD, DISCIPLINE)
  @FileEndpoint({
    summary: 'Download an evidence file listed in the bundle; audited',
    produces: 'application/octet-stream',
    description: 'The stored bytes; x-content-sha256 carries their SHA-256',
    errors: [400, 403, 404],
  })
  async attachment(
    @CurrentActor() actor: Actor,
    @Param() params: AttachmentParams,
    @Res() res: Response,
    @RequestId() requestId?: string,
  ) {
    sendAttachment(res, await this.referrals.attachment(actor, params.id, params.attachmentId, requestId));
  }

  @Post(':id/acknowledge')
  @Roles(DISCIPLINE)
  @Endpoint({
    summary: 'The discipline body acknowledges receipt (UNVERIFIED default: within 5 working days)',
    response: CompletionDto,
    errors: [400, 403, 404, 409, 422],
  })
  acknowledge(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.referrals.acknowledge(actor, id, requestId);
  }

  @Post(':id/result')
  @Roles(DISCIPLINE)
  @Endpoint({
    summary: 'The discipline body reports the handling result (UNVERIFIED default: within 90 days of acknowledging)',
    response: CompletionDto,
    errors: [400, 403, 404, 409, 413, 415, 422],
  })
  result(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: ReferralResultDto,
    @RequestId() requestId?: string,
  ) {
    return this.referrals.reportResult(actor, id, body, requestId);
  }
}
