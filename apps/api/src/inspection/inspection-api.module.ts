import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { InspectionCasesController } from './inspection-cases.controller';
import { InspectionPlansController } from './inspection-plans.controller';
import { PublicDrawsController } from './public-draws.controller';
import { InspectionWorkflowGateway } from './inspection-workflow.gateway';
import { InspectionCaseQueries } from './inspection-case.queries';
import { InspectionPlanQueries } from './inspection-plan.queries';
import { EnforcementApiModule } from '../enforcement/enforcement-api.module';

/** HTTP side of inspections, draws, 简易程序 and criminal transfers (config and Temporal client come from ApiTemporalModule). */
@Module({
  imports: [ApplicationModule, EnforcementApiModule],
  controllers: [InspectionPlansController, InspectionCasesController, PublicDrawsController],
  providers: [InspectionWorkflowGateway, InspectionCaseQueries, InspectionPlanQueries],
})
export class InspectionApiModule {}
