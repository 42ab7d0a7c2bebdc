import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ArchiveService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams, OffsetPageQueryDto } from '../contract/schemas';
import {
  SampleDetailDto,
  SampleDto,
  SamplePageDto,
  SampleViewDto,
  ScoreDto,
  ScoreViewDto,
} from './enforcement.schemas';

const REVIEWERS = [Role.AGENCY_HEAD, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN];

/** 案卷评查: reproducible samples of archived case files and their scores. */
@ApiTags('case-file review')
@ApiBearerAuth()
@Controller('file-reviews/samples')
export class FileReviewController {
  constructor(private readonly archive: ArchiveService) {}

  @Post()
  @Roles(...REVIEWERS)
  @Endpoint({
    summary: 'Draw N archived case files reproducibly from a seed (heads and administrators)',
    response: SampleViewDto,
    status: 201,
    errors: [400, 403, 413, 415, 422],
  })
  draw(@CurrentActor() actor: Actor, @Body() body: SampleDto, @RequestId() requestId?: string) {
    return this.archive.drawSample(actor, body, requestId);
  }

  @Get()
  @Roles(...REVIEWERS, Role.LEGAL_REVIEWER)
  @Endpoint({
    summary: 'Samples of your visible departments, newest first',
    response: SamplePageDto,
    errors: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() page: OffsetPageQueryDto) {
    return this.archive.listSamples(actor, page.offset, page.limit);
  }

  @Get(':id')
  @Roles(...REVIEWERS, Role.LEGAL_REVIEWER)
  @Endpoint({ summary: 'One sample with the scores given so far', response: SampleDetailDto, errors: [400, 403, 404] })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.archive.getSample(actor, id);
  }

  @Post(':id/scores')
  @Roles(...REVIEWERS, Role.LEGAL_REVIEWER)
  @Endpoint({
    summary: 'Score one sampled file (0–100, optional itemised criteria adding up to 100); not by one of its handlers',
    response: ScoreViewDto,
    status: 201,
    errors: [400, 403, 404, 409, 413, 415],
  })
  score(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Body() body: ScoreDto,
    @RequestId() requestId?: string,
  ) {
    return this.archive.recordScore(actor, id, { ...body, items: body.items ?? [] }, requestId);
  }
}
