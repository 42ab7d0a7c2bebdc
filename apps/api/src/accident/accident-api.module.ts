import { DynamicModule, Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig, ApplicationModule } from '@safety/application';
import { TEMPORAL_CLIENT, temporalClientProvider } from '../temporal/temporal.providers';
import { AccidentInsightsController } from './accident-insights.controller';
import { AccidentSteps } from './accident-steps';
import { AccidentsController } from './accidents.controller';
import { DisciplineReferralsController } from './discipline-referrals.controller';
import { PublicAccidentReportsController } from './public-accident-reports.controller';

/**
 * HTTP side of accident investigations, discipline referrals, statistics and public reports. Takes
 * the config and (in tests) the Temporal client AppModule was given, like InspectionApiModule.
 */
@Module({})
export class AccidentApiModule {
  static forConfig(cfg: AppConfig, temporalClient?: Client): DynamicModule {
    return {
      module: AccidentApiModule,
      imports: [ApplicationModule],
      // AccidentInsightsController first: its fixed paths must win over `/accidents/:id`.
      controllers: [AccidentInsightsController, AccidentsController, DisciplineReferralsController, PublicAccidentReportsController],
      providers: [
        { provide: AppConfig, useValue: cfg },
        temporalClient ? { provide: TEMPORAL_CLIENT, useValue: temporalClient } : temporalClientProvider,
        AccidentSteps,
      ],
    };
  }
}
