import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { TasksApiModule } from '../tasks/tasks-api.module';
import { AccidentAccountabilityController } from './accident-accountability.controller';
import { AccidentInsightsController } from './accident-insights.controller';
import { AccidentInvestigationController } from './accident-investigation.controller';
import { AccidentPoliciesController } from './accident-policies.controller';
import { AccidentWorkflowGateway } from './accident-workflow.gateway';
import { CaseDisciplineReferralsController } from './case-discipline-referrals.controller';
import { AccidentQueries } from './accident.queries';
import { AccidentsController } from './accidents.controller';
import { DisciplineReferralGateway } from './discipline-referral.gateway';
import { DisciplineReferralsController } from './discipline-referrals.controller';
import { PublicAccidentReportsController } from './public-accident-reports.controller';

/** HTTP side of accident investigations, discipline referrals, statistics and public reports. */
@Module({
  imports: [ApplicationModule, TasksApiModule],
  // AccidentInsightsController and AccidentPoliciesController first: their fixed paths must win over `/accidents/:id`.
  controllers: [
    AccidentInsightsController,
    AccidentPoliciesController,
    AccidentsController,
    AccidentInvestigationController,
    AccidentAccountabilityController,
    DisciplineReferralsController,
    CaseDisciplineReferralsController,
    PublicAccidentReportsController,
  ],
  providers: [AccidentQueries, AccidentWorkflowGateway, DisciplineReferralGateway],
})
export class AccidentApiModule {}
