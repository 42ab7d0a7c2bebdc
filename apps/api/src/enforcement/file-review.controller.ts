import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArchiveService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { OffsetPageQuery } from '../common/pagination';
import { SampleDto, ScoreDto } from './enforcement.dto';

const REVIEWERS = [Role.AGENCY_HEAD, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN];

/** 案卷评查: reproducible samples of archived case files and their scores. */
@ApiTags('case-file review')
@ApiBearerAuth()
@Controller('file-reviews/samples')
export class FileReviewController {
  constructor(private readonly archive: ArchiveService) {}

  @Post()
  @Roles(...REVIEWERS)
  @ApiOperation({ summary: 'Draw N archived case files reproducibly from a seed (heads and administrators)' })
  draw(@CurrentActor() a: Actor, @Body() dto: SampleDto, @RequestId() rid?: string) {
    return this.archive.drawSample(a, dto, rid);
  }

  @Get()
  @Roles(...REVIEWERS, Role.LEGAL_REVIEWER)
  list(@CurrentActor() a: Actor, @Query() q: OffsetPageQuery) {
    return this.archive.listSamples(a, q.offset, q.limit);
  }

  @Get(':id')
  @Roles(...REVIEWERS, Role.LEGAL_REVIEWER)
  get(@CurrentActor() a: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.archive.getSample(a, id);
  }

  @Post(':id/scores')
  @Roles(...REVIEWERS, Role.LEGAL_REVIEWER)
  @ApiOperation({
    summary: 'Score one sampled file (0–100, optional itemised criteria adding up to 100); not by one of its handlers',
  })
  score(
    @CurrentActor() a: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ScoreDto,
    @RequestId() rid?: string,
  ) {
    return this.archive.recordScore(a, id, { ...dto, items: dto.items ?? [] }, rid);
  }
}
