import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccidentInsightService } from '@safety/application';
import { Public } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams, PageQueryDto } from '../contract/schemas';
import { PublicReportDto, PublicReportPageDto } from './accident-insights.schemas';

/** 事故调查报告公开 (条例 Art.34; 安全生产法 Art.86): personal names, phones and ID numbers masked; no referral information. */
@ApiTags('public')
@Controller('public/accident-reports')
export class PublicAccidentReportsController {
  constructor(private readonly insights: AccidentInsightService) {}

  @Public()
  @Get()
  @Endpoint({
    summary: 'Published accident investigation reports, newest publication first (personal data masked)',
    response: PublicReportPageDto,
    errors: [400],
    isPublic: true,
  })
  list(@Query() page: PageQueryDto) {
    return this.insights.publicReports(page);
  }

  @Public()
  @Get(':id')
  @Endpoint({
    summary: 'One published accident investigation report (personal data masked)',
    response: PublicReportDto,
    errors: [400, 404],
    isPublic: true,
  })
  get(@Param() { id }: IdParams) {
    return this.insights.publicReport(id);
  }
}
