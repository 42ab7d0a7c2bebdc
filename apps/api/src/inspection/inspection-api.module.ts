import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { InspectionCasesController } from './inspection-cases.controller';
import { InspectionPlansController } from './inspection-plans.controller';
import { PublicDrawsController } from './public-draws.controller';

/** HTTP side of inspections, draws, 简易程序 and criminal transfers (config and Temporal client come from ApiTemporalModule). */
@Module({
  imports: [ApplicationModule],
  controllers: [InspectionPlansController, InspectionCasesController, PublicDrawsController],
})
export class InspectionApiModule {}
