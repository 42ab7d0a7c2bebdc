import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccidentService, DisciplineReferralService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import { DisciplineReferralTaskType } from '@safety/temporal';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { sendAttachment } from '../common/evidence-download';
import { ReferralListQuery, ReferralResultDto } from './accident.dto';
import { AccidentSteps } from './accident-steps';
import { referralView } from './accident.views';

/**
 * 线索移交 to the discipline inspection / supervision body. Visible only to the sending department's
 * heads and the receiving body (403 for everyone else); every read is audited; never public.
 */
@ApiTags('discipline-referrals')
@ApiBearerAuth()
@Controller('discipline-referrals')
export class DisciplineReferralsController {
  constructor(
    private readonly referrals: DisciplineReferralService,
    private readonly accidents: AccidentService,
    private readonly steps: AccidentSteps,
  ) {}

  @Get()
  @Roles(Role.AGENCY_HEAD, Role.DISCIPLINE_BODY)
  @ApiOperation({
    summary: 'Referrals your department sent (heads) or received (discipline body), newest first; the read is audited',
  })
  async list(@CurrentActor() actor: Actor, @Query() q: ReferralListQuery, @RequestId() requestId?: string) {
    const page = await this.referrals.list(actor, q, requestId);
    return { ...page, items: page.items.map((r) => referralView(r, false)) };
  }

  @Get(':id')
  @Roles(Role.AGENCY_HEAD, Role.DISCIPLINE_BODY)
  @ApiOperation({ summary: 'One referral with its evidence bundle (report excerpt + attachment list); audited' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @RequestId() requestId?: string) {
    const { referral, side } = await this.referrals.get(actor, id, requestId);
    return { ...referralView(referral, true), side };
  }

  @Get(':id/attachments/:attachmentId/content')
  @Roles(Role.AGENCY_HEAD, Role.DISCIPLINE_BODY)
  @ApiOperation({ summary: 'Download an evidence file listed in the bundle; audited' })
  async attachment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) aid: string,
    @Res() res: Response,
    @RequestId() requestId?: string,
  ) {
    sendAttachment(res, await this.referrals.attachment(actor, id, aid, requestId));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles(Role.DISCIPLINE_BODY)
  @ApiOperation({ summary: 'The discipline body acknowledges receipt (UNVERIFIED default: within 5 working days)' })
  async acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @RequestId() requestId?: string,
  ) {
    const { referral, side } = await this.referrals.get(actor, id, requestId, 'ACKNOWLEDGE');
    if (side !== 'RECEIVER')
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'only the receiving body acknowledges');
    const task = await this.accidents.openTask(referral.referralCaseId, DisciplineReferralTaskType.ACKNOWLEDGE);
    return this.steps.complete(actor, task, 'ACKNOWLEDGE', {}, { requestId });
  }

  @Post(':id/result')
  @HttpCode(200)
  @Roles(Role.DISCIPLINE_BODY)
  @ApiOperation({
    summary: 'The discipline body reports the handling result (UNVERIFIED default: within 90 days of acknowledging)',
  })
  async result(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReferralResultDto,
    @RequestId() requestId?: string,
  ) {
    const { referral, side } = await this.referrals.get(actor, id, requestId, 'RESULT');
    if (side !== 'RECEIVER')
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'only the receiving body reports the result');
    const task = await this.accidents.openTask(referral.referralCaseId, DisciplineReferralTaskType.RESULT);
    return this.steps.complete(actor, task, dto.outcome, { summary: dto.summary }, { requestId });
  }
}
