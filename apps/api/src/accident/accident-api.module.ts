import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { TasksApiModule } from '../tasks/tasks-api.module';
import { AccidentInsightsController } from './accident-insights.controller';
import { AccidentSteps } from './accident-steps';
import { AccidentsController } from './accidents.controller';
import { DisciplineReferralsController } from './discipline-referrals.controller';
import { PublicAccidentReportsController } from './public-accident-reports.controller';

/** HTTP side of accident investigations, discipline referrals, statistics and public reports. */
@Module({
  imports: [ApplicationModule, TasksApiModule],
  // AccidentInsightsController first: its fixed paths must win over `/accidents/:id`.
  controllers: [
    AccidentInsightsController,
    AccidentsController,
    DisciplineReferralsController,
    PublicAccidentReportsController,
  ],
  providers: [AccidentSteps],
})
export class AccidentApiModule {}
