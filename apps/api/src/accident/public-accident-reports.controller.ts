import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccidentInsightService } from '@safety/application';
import { Public } from '../auth/auth.decorators';
import { OffsetPageQuery } from '../common/pagination';

/** 事故调查报告公开 (条例 Art.34; 安全生产法 Art.86): personal names, phones and ID numbers masked; no referral information. */
@ApiTags('public')
@Controller('public/accident-reports')
export class PublicAccidentReportsController {
  constructor(private readonly insights: AccidentInsightService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Published accident investigation reports, newest first (personal data masked)' })
  list(@Query() q: OffsetPageQuery) {
    return this.insights.publicReports(q.offset, q.limit);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One published accident investigation report (personal data masked)' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.insights.publicReport(id);
  }
}
