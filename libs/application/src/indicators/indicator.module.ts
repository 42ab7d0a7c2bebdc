import { Module } from '@nestjs/common';
import { IndicatorRepository } from '@safety/persistence';
import { CoreModule } from '../core.module';
import { IndicatorAdminService } from './indicator-admin.service';
import { IndicatorJurisdiction } from './indicator-jurisdiction';
import { IndicatorPublishedResultService } from './indicator-published.service';
import { IndicatorReportService } from './indicator-report.service';

const exported = [
  IndicatorRepository,
  IndicatorJurisdiction,
  IndicatorAdminService,
  IndicatorReportService,
  IndicatorPublishedResultService,
];

/** Plan indicators (规划指标) against their targets: plans, denominators and the computed report. */
@Module({ imports: [CoreModule], providers: exported, exports: exported })
export class IndicatorModule {}
