import { DynamicModule, Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig, ApplicationModule } from '@safety/application';
import { TEMPORAL_CLIENT, temporalClientProvider } from '../temporal/temporal.providers';
import { InspectionCasesController } from './inspection-cases.controller';
import { InspectionPlansController } from './inspection-plans.controller';
import { PublicDrawsController } from './public-draws.controller';
import { WorkflowStarter } from './workflow-starter';

/**
 * HTTP side of inspections, draws, 简易程序 and criminal transfers. Takes the config and (in tests)
 * the Temporal client AppModule was given, since AppModule's providers are not visible to imported
 * modules; without a client it builds one from config like AppModule does.
 */
@Module({})
export class InspectionApiModule {
  static forConfig(cfg: AppConfig, temporalClient?: Client): DynamicModule {
    return {
      module: InspectionApiModule,
      imports: [ApplicationModule],
      controllers: [InspectionPlansController, InspectionCasesController, PublicDrawsController],
      providers: [
        { provide: AppConfig, useValue: cfg },
        temporalClient ? { provide: TEMPORAL_CLIENT, useValue: temporalClient } : temporalClientProvider,
        WorkflowStarter,
      ],
    };
  }
}
